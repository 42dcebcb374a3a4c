package jp.renkei.core.csaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.renkei.core.Language;
import jp.renkei.core.csaf.provider.Distribution;
import jp.renkei.core.csaf.provider.DistributionFile;
import jp.renkei.core.csaf.provider.ProviderConsistency;
import jp.renkei.core.csaf.provider.ProviderDistribution;
import jp.renkei.core.csaf.provider.ProviderLayout;
import jp.renkei.core.csaf.provider.ProviderProblem;
import jp.renkei.core.csaf.provider.ProviderSettings;
import jp.renkei.core.csaf.provider.PublishedDocument;
import jp.renkei.core.csaf.validation.CsafSchemas;
import org.junit.jupiter.api.Test;

class ProviderDistributionTest {

    private static final URI BASE = URI.create("https://www.hoshizora-net.example/.well-known/csaf/");
    private static final ProviderSettings SETTINGS = ProviderSettings.provider(BASE,
            SampleAdvisories.input(Language.EN).publisher());
    private static final Instant AS_OF = Instant.parse("2025-07-01T00:00:00Z");

    private final List<PublishedDocument> documents = List.of(
            PublishedDocument.of(SampleAdvisories.authored(Language.JA).json()),
            PublishedDocument.of(SampleAdvisories.authored(Language.EN).json()),
            PublishedDocument.of(SampleAdvisories.olderPartnerAdvisory().json()));
    private final Distribution distribution = ProviderDistribution.build(SETTINGS, documents, AS_OF);

    @Test
    void fileNameIsTheLowerCaseTrackingIdWithEveryRunOfOtherCharactersAsOneUnderscore() {
        assertThat(ProviderLayout.fileName("Example Company - 2019-YH3234")).isEqualTo("example_company_-_2019-yh3234.json");
        assertThat(ProviderLayout.fileName("RHBA-2019:0024")).isEqualTo("rhba-2019_0024.json");
        assertThat(ProviderLayout.fileName("HZN-SA-2025-003")).isEqualTo("hzn-sa-2025-003.json");
        assertThat(ProviderLayout.fileName("A+B..C/日本")).isEqualTo("a+b_c_.json");
    }

    @Test
    void documentsLieInTheYearFolderOfTheirInitialReleaseInsideTheirTlpDirectory() {
        assertThat(distribution.files().keySet()).contains(
                "white/2025/hzn-sa-2025-003.json", "white/2025/hzn-sa-2025-003-en.json",
                "green/2024/hzn-pa-2024-011.json");
        assertThat(distribution.file("white/2025/hzn-sa-2025-003.json").orElseThrow().content())
                .isEqualTo(SampleAdvisories.authored(Language.JA).json());
    }

    @Test
    void indexTxtListsEveryDocumentOfItsDirectory() {
        assertThat(text("white/index.txt")).isEqualTo("2025/hzn-sa-2025-003-en.json\n2025/hzn-sa-2025-003.json\n");
        assertThat(text("green/index.txt")).isEqualTo("2024/hzn-pa-2024-011.json\n");
    }

    @Test
    void changesCsvGivesPathAndCurrentReleaseDateLatestFirstWithoutHeading() {
        assertThat(text("white/changes.csv")).isEqualTo("""
                "2025/hzn-sa-2025-003-en.json","2025-06-24T06:00:00Z"
                "2025/hzn-sa-2025-003.json","2025-06-24T06:00:00Z"
                """);
        assertThat(text("green/changes.csv")).isEqualTo("\"2024/hzn-pa-2024-011.json\",\"2025-01-15T01:00:00Z\"\n");
    }

    @Test
    void hashFilesHoldTheDigestAndFileNameInSha256sumFormat() throws Exception {
        byte[] document = distribution.file("white/2025/hzn-sa-2025-003.json").orElseThrow().content();
        assertThat(text("white/2025/hzn-sa-2025-003.json.sha256")).isEqualTo(
                hex("SHA-256", document) + "  hzn-sa-2025-003.json\n");
        assertThat(text("white/2025/hzn-sa-2025-003.json.sha512")).isEqualTo(
                hex("SHA-512", document) + "  hzn-sa-2025-003.json\n");
    }

    @Test
    void eachTlpHasARolieFeedListingItsDocumentsWithTheirHashes() throws Exception {
        JsonNode feed = json("white/csaf-feed-tlp-white.json");

        assertThat(CsafSchemas.bundled().validateRolieFeed(feed)).isEmpty();
        assertThat(feed.at("/feed/id").asText()).isEqualTo("psirt.hoshizora-net.example-csaf-feed-tlp-white");
        assertThat(feed.at("/feed/link/0/href").asText()).isEqualTo(BASE + "white/csaf-feed-tlp-white.json");
        assertThat(feed.at("/feed/category/0/term").asText()).isEqualTo("csaf");
        assertThat(feed.at("/feed/updated").asText()).isEqualTo("2025-06-24T06:00:00Z");
        JsonNode entry = feed.at("/feed/entry/1");
        assertThat(entry.path("id").asText()).isEqualTo("HZN-SA-2025-003");
        assertThat(entry.path("published").asText()).isEqualTo("2025-06-10T06:00:00Z");
        assertThat(entry.path("updated").asText()).isEqualTo("2025-06-24T06:00:00Z");
        assertThat(entry.at("/content/src").asText()).isEqualTo(BASE + "white/2025/hzn-sa-2025-003.json");
        assertThat(entry.path("link").findValuesAsText("rel")).containsExactly("self", "hash", "hash");
        assertThat(entry.path("link").findValuesAsText("href")).containsExactly(
                BASE + "white/2025/hzn-sa-2025-003.json", BASE + "white/2025/hzn-sa-2025-003.json.sha256",
                BASE + "white/2025/hzn-sa-2025-003.json.sha512");
        assertThat(json("green/csaf-feed-tlp-green.json").at("/feed/entry").size()).isOne();
    }

    @Test
    void providerMetadataPassesItsSchemaAndNamesEveryDirectoryAndFeed() throws Exception {
        JsonNode metadata = json("provider-metadata.json");

        assertThat(CsafSchemas.bundled().validateProviderMetadata(metadata)).isEmpty();
        assertThat(metadata.path("canonical_url").asText()).isEqualTo(BASE + "provider-metadata.json");
        assertThat(metadata.path("metadata_version").asText()).isEqualTo("2.0");
        assertThat(metadata.path("role").asText()).isEqualTo("csaf_provider");
        assertThat(metadata.path("last_updated").asText()).isEqualTo("2025-06-24T06:00:00Z");
        assertThat(metadata.path("list_on_CSAF_aggregators").asBoolean()).isTrue();
        assertThat(metadata.path("mirror_on_CSAF_aggregators").asBoolean()).isTrue();
        assertThat(metadata.at("/publisher/namespace").asText()).isEqualTo("https://psirt.hoshizora-net.example");
        assertThat(metadata.path("distributions").findValuesAsText("directory_url"))
                .containsExactly(BASE + "white/", BASE + "green/");
        assertThat(metadata.at("/distributions/2/rolie/feeds").findValuesAsText("url"))
                .containsExactly(BASE + "white/csaf-feed-tlp-white.json", BASE + "green/csaf-feed-tlp-green.json");
        assertThat(metadata.at("/distributions/2/rolie/feeds").findValuesAsText("tlp_label"))
                .containsExactly("WHITE", "GREEN");
    }

    @Test
    void theDirectoryIsConsistent() {
        assertThat(ProviderConsistency.check(distribution, BASE)).isEmpty();
    }

    @Test
    void consistencyCheckNamesATamperedDocumentAndAStaleDate() {
        Map<String, DistributionFile> files = new LinkedHashMap<>(distribution.files());
        String path = "white/2025/hzn-sa-2025-003.json";
        byte[] tampered = new String(files.get(path).content(), StandardCharsets.UTF_8)
                .replace("2.2.0 に更新", "2.2.1 に更新").getBytes(StandardCharsets.UTF_8);
        files.put(path, new DistributionFile(path, "application/json", tampered));
        files.put("white/changes.csv", new DistributionFile("white/changes.csv", "text/csv",
                text("white/changes.csv").replace("2025-06-24T06:00:00Z\"\n\"2025/hzn-sa-2025-003.json\",\"2025-06-24",
                        "2025-06-24T06:00:00Z\"\n\"2025/hzn-sa-2025-003.json\",\"2025-06-10").getBytes(StandardCharsets.UTF_8)));

        List<ProviderProblem> problems = ProviderConsistency.check(new Distribution(files), BASE);

        assertThat(problems).extracting(ProviderProblem::toString).contains(
                path + ".sha256: the SHA-256 digest does not match the document",
                path + ".sha512: the SHA-512 digest does not match the document",
                "white/changes.csv: white/2025/hzn-sa-2025-003.json current release date is 2025-06-10T06:00:00Z"
                        + " but the document says 2025-06-24T06:00:00Z");
    }

    @Test
    void consistencyCheckNamesADocumentMissingFromTheListsAndAListedDocumentThatDoesNotExist() {
        Map<String, DistributionFile> files = new LinkedHashMap<>(distribution.files());
        files.put("white/index.txt", new DistributionFile("white/index.txt", "text/plain",
                "2025/hzn-sa-2025-003.json\n2025/hzn-sa-2025-099.json\n".getBytes(StandardCharsets.UTF_8)));

        List<ProviderProblem> problems = ProviderConsistency.check(new Distribution(files), BASE);

        assertThat(problems).extracting(ProviderProblem::toString).containsExactlyInAnyOrder(
                "white/index.txt: lists white/2025/hzn-sa-2025-099.json, which does not exist",
                "white/index.txt: does not list white/2025/hzn-sa-2025-003-en.json");
    }

    @Test
    void theSameDocumentsGiveTheSameBytes() {
        Distribution again = ProviderDistribution.build(SETTINGS, List.of(documents.get(2), documents.get(1), documents.get(0)), AS_OF);
        assertThat(again.files()).isEqualTo(distribution.files());
    }

    @Test
    void aTrustedProviderNamesItsKeyAndSignsEveryDocument() throws Exception {
        assertThatThrownBy(() -> new ProviderSettings(BASE, SETTINGS.publisher(),
                ProviderSettings.Role.CSAF_TRUSTED_PROVIDER, true, true, List.of()))
                .hasMessageContaining("OpenPGP key");
        ProviderSettings trusted = new ProviderSettings(BASE, SETTINGS.publisher(),
                ProviderSettings.Role.CSAF_TRUSTED_PROVIDER, true, false, List.of(new ProviderSettings.PgpKey(
                        BASE.resolve("openpgp/psirt.asc"), Optional.of("0123456789ABCDEF0123456789ABCDEF01234567"))));
        assertThatThrownBy(() -> ProviderDistribution.build(trusted, documents, AS_OF))
                .hasMessageContaining("unsigned");

        byte[] asc = "-----BEGIN PGP SIGNATURE-----\n...\n-----END PGP SIGNATURE-----\n".getBytes(StandardCharsets.UTF_8);
        Distribution signed = ProviderDistribution.build(trusted,
                documents.stream().map(d -> d.signedWith(asc)).toList(), AS_OF);

        assertThat(signed.file("white/2025/hzn-sa-2025-003.json.asc")).isPresent();
        JsonNode entry = CanonicalJson.read(signed.file("white/csaf-feed-tlp-white.json").orElseThrow().content())
                .at("/feed/entry/0");
        assertThat(entry.path("link").findValuesAsText("rel")).containsExactly("self", "hash", "hash", "signature");
        JsonNode metadata = CanonicalJson.read(signed.file("provider-metadata.json").orElseThrow().content());
        assertThat(metadata.path("role").asText()).isEqualTo("csaf_trusted_provider");
        assertThat(metadata.path("mirror_on_CSAF_aggregators").asBoolean()).isFalse();
        assertThat(CsafSchemas.bundled().validateProviderMetadata(metadata)).isEmpty();
        assertThat(ProviderConsistency.check(signed, BASE)).isEmpty();
    }

    @Test
    void withoutDocumentsTheMetadataStillValidatesAndIsDatedAsOf() throws Exception {
        Distribution empty = ProviderDistribution.build(SETTINGS, List.of(), AS_OF);

        JsonNode metadata = CanonicalJson.read(empty.file("provider-metadata.json").orElseThrow().content());
        assertThat(empty.files()).containsOnlyKeys("provider-metadata.json");
        assertThat(metadata.path("last_updated").asText()).isEqualTo("2025-07-01T00:00:00Z");
        assertThat(CsafSchemas.bundled().validateProviderMetadata(metadata)).isEmpty();
    }

    @Test
    void twoDocumentsWithOneTrackingIdAreRefused() {
        assertThatThrownBy(() -> ProviderDistribution.build(SETTINGS, List.of(documents.get(0), documents.get(0)), AS_OF))
                .hasMessageContaining("white/2025/hzn-sa-2025-003.json");
    }

    private String text(String path) {
        return distribution.file(path).orElseThrow(() -> new AssertionError("no " + path)).text();
    }

    private JsonNode json(String path) throws Exception {
        return CanonicalJson.read(distribution.file(path).orElseThrow(() -> new AssertionError("no " + path)).content());
    }

    private static String hex(String algorithm, byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
    }
}
