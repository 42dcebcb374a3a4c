package jp.renkei.core.csaf.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mandatory tests of CSAF 2.0 section 6.1, all of them, in section order. Each looks at one rule
 * and reports findings with JSON pointers; together with the schema they decide whether a document
 * is valid.
 */
public final class MandatoryTests {

    private static final List<MandatoryTest> ALL = List.of(
            new MandatoryTest("6.1.1", "Missing Definition of Product ID", ProductIdTests::missingProductIdDefinition),
            new MandatoryTest("6.1.2", "Multiple Definition of Product ID",
                    ProductIdTests::multipleProductIdDefinition),
            new MandatoryTest("6.1.3", "Circular Definition of Product ID",
                    ProductIdTests::circularProductIdDefinition),
            new MandatoryTest("6.1.4", "Missing Definition of Product Group ID",
                    ProductIdTests::missingProductGroupIdDefinition),
            new MandatoryTest("6.1.5", "Multiple Definition of Product Group ID",
                    ProductIdTests::multipleProductGroupIdDefinition),
            new MandatoryTest("6.1.6", "Contradicting Product Status", StatusAndScoreTests::contradictingProductStatus),
            new MandatoryTest("6.1.7", "Multiple Scores with same Version per Product",
                    StatusAndScoreTests::multipleScoresWithSameVersionPerProduct),
            new MandatoryTest("6.1.8", "Invalid CVSS", StatusAndScoreTests::invalidCvss),
            new MandatoryTest("6.1.9", "Invalid CVSS computation", StatusAndScoreTests::invalidCvssComputation),
            new MandatoryTest("6.1.10", "Inconsistent CVSS", StatusAndScoreTests::inconsistentCvss),
            new MandatoryTest("6.1.11", "CWE", IdentifierTests::cwe),
            new MandatoryTest("6.1.12", "Language", IdentifierTests::language),
            new MandatoryTest("6.1.13", "PURL", IdentifierTests::purl),
            new MandatoryTest("6.1.14", "Sorted Revision History", RevisionHistoryTests::sortedRevisionHistory),
            new MandatoryTest("6.1.15", "Translator", DocumentTests::translator),
            new MandatoryTest("6.1.16", "Latest Document Version", RevisionHistoryTests::latestDocumentVersion),
            new MandatoryTest("6.1.17", "Document Status Draft", RevisionHistoryTests::documentStatusDraft),
            new MandatoryTest("6.1.18", "Released Revision History", RevisionHistoryTests::releasedRevisionHistory),
            new MandatoryTest("6.1.19", "Revision History Entries for Pre-release Versions",
                    RevisionHistoryTests::revisionHistoryEntriesForPreReleaseVersions),
            new MandatoryTest("6.1.20", "Non-draft Document Version", RevisionHistoryTests::nonDraftDocumentVersion),
            new MandatoryTest("6.1.21", "Missing Item in Revision History",
                    RevisionHistoryTests::missingItemInRevisionHistory),
            new MandatoryTest("6.1.22", "Multiple Definition in Revision History",
                    RevisionHistoryTests::multipleDefinitionInRevisionHistory),
            new MandatoryTest("6.1.23", "Multiple Use of Same CVE", IdentifierTests::multipleUseOfSameCve),
            new MandatoryTest("6.1.24", "Multiple Definition in Involvements",
                    ReferenceTests::multipleDefinitionInInvolvements),
            new MandatoryTest("6.1.25", "Multiple Use of Same Hash Algorithm",
                    IdentifierTests::multipleUseOfSameHashAlgorithm),
            new MandatoryTest("6.1.26", "Prohibited Document Category Name",
                    DocumentTests::prohibitedDocumentCategoryName),
            new MandatoryTest("6.1.27.1", "Document Notes", ProfileTests::documentNotes),
            new MandatoryTest("6.1.27.2", "Document References", ProfileTests::documentReferences),
            new MandatoryTest("6.1.27.3", "Vulnerabilities", ProfileTests::noVulnerabilities),
            new MandatoryTest("6.1.27.4", "Product Tree", ProfileTests::productTree),
            new MandatoryTest("6.1.27.5", "Vulnerability Notes", ProfileTests::vulnerabilityNotes),
            new MandatoryTest("6.1.27.6", "Product Status", ProfileTests::productStatus),
            new MandatoryTest("6.1.27.7", "VEX Product Status", ProfileTests::vexProductStatus),
            new MandatoryTest("6.1.27.8", "Vulnerability ID", ProfileTests::vulnerabilityId),
            new MandatoryTest("6.1.27.9", "Impact Statement", ProfileTests::impactStatement),
            new MandatoryTest("6.1.27.10", "Action Statement", ProfileTests::actionStatement),
            new MandatoryTest("6.1.27.11", "Vulnerabilities", ProfileTests::vulnerabilities),
            new MandatoryTest("6.1.28", "Translation", DocumentTests::translation),
            new MandatoryTest("6.1.29", "Remediation without Product Reference",
                    ReferenceTests::remediationWithoutProductReference),
            new MandatoryTest("6.1.30", "Mixed Integer and Semantic Versioning",
                    RevisionHistoryTests::mixedIntegerAndSemanticVersioning),
            new MandatoryTest("6.1.31", "Version Range in Product Version",
                    ReferenceTests::versionRangeInProductVersion),
            new MandatoryTest("6.1.32", "Flag without Product Reference", ReferenceTests::flagWithoutProductReference),
            new MandatoryTest("6.1.33", "Multiple Flags with VEX Justification Codes per Product",
                    ReferenceTests::multipleFlagsWithVexJustificationCodesPerProduct));

    private MandatoryTests() {
    }

    /** Every mandatory test, in section order. */
    public static List<MandatoryTest> all() {
        return ALL;
    }

    /** The test with section number {@code id}, e.g. {@code 6.1.27.9}. */
    public static Optional<MandatoryTest> byId(String id) {
        return ALL.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The findings of every mandatory test. */
    public static List<Finding> run(JsonNode document) {
        List<Finding> findings = new ArrayList<>();
        ALL.forEach(t -> findings.addAll(t.run(document)));
        return findings;
    }
}
