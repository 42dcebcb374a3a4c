package jp.renkei.server.vendor.advisories.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jp.renkei.core.Sha256;
import jp.renkei.core.Language;
import jp.renkei.server.notify.OutboundMail;
import jp.renkei.server.vendor.advisories.DeviceOwners;
import jp.renkei.server.vendor.advisories.VendorAdvisory;
import jp.renkei.server.vendor.advisories.internal.AdvisoryComposer.ModelAdvice;
import jp.renkei.server.vendor.psirt.ContactPoint;
import jp.renkei.server.vendor.psirt.Problem;
import jp.renkei.server.vendor.psirt.PublicAddresses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The {@code device_owner} table and the owners' mails (confirmation, advisory), through the outbox. */
@Service
class OwnerDesk implements DeviceOwners {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>,;:\"()]+@[^@\\s<>,;:\"()]+\\.[^@\\s<>,;:\"()]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final CatalogueModels catalogue;
    private final OutboundMail mail;
    private final PublicAddresses addresses;

    OwnerDesk(JdbcClient jdbc, CatalogueModels catalogue, OutboundMail mail, PublicAddresses addresses) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.mail = mail;
        this.addresses = addresses;
    }

    @Override
    @Transactional
    public Registration register(ContactPoint vendor, String email, String modelNumber, String language) {
        long org = vendor.organisationId();
        List<Problem> problems = new ArrayList<>();
        String address = email == null ? "" : email.strip();
        if (!EMAIL.matcher(address).matches()) {
            problems.add(new Problem("/email", "'" + address + "' is not an e-mail address"));
        }
        String lang = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
        if (!lang.equals("ja") && !lang.equals("en")) {
            problems.add(new Problem("/language", "'" + language + "' is not a language (ja or en)"));
        }
        Optional<Long> product = catalogue.productId(org, modelNumber == null ? "" : modelNumber);
        if (product.isEmpty()) {
            problems.add(new Problem("/product", "'" + modelNumber + "' is not a model of " + vendor.vendorName()));
        }
        if (!problems.isEmpty()) {
            return new Registration.Invalid(problems);
        }
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes());
        // Only the token's hash is kept; the mail carries the token itself. A second registration of
        // the same address and model keeps the first token and sends nothing again (xmax = 0 only
        // for a row this statement inserted).
        record Row(long id, boolean fresh) {}
        Row owner = jdbc.sql("""
                insert into device_owner (organisation_id, product_id, email, language, token_sha256)
                values (?, ?, ?, ?, ?)
                on conflict (organisation_id, product_id, email) do update set language = excluded.language
                returning id, xmax = 0 as fresh""")
                .params(org, product.get(), address, lang, Sha256.hex(token))
                .query((rs, i) -> new Row(rs.getLong("id"), rs.getBoolean("fresh"))).single();
        if (owner.fresh()) {
            Language l = Language.fromCode(lang);
            String link = addresses.vendor(vendor) + "/owners/confirm?token=" + token;
            mail.enqueue(org, "owner-confirm/" + owner.id(), address, l,
                    OwnerMailText.of(l).confirmSubject(vendor.vendorName()),
                    OwnerMailText.of(l).confirmBody(vendor.vendorName(), modelNumber.strip(), link));
        }
        return new Registration.Pending();
    }

    @Override
    @Transactional
    public Optional<String> confirm(ContactPoint vendor, String token) {
        return jdbc.sql("""
                update device_owner o set confirmed_at = coalesce(o.confirmed_at, now()) from product p
                where o.organisation_id = ? and o.token_sha256 = ? and p.id = o.product_id returning p.model_number""")
                .params(vendor.organisationId(), Sha256.hex(token == null ? "" : token.strip()))
                .query(String.class).optional();
    }

    /**
     * Queues one mail per confirmed owner of each affected model, in the owner's language; the key
     * (advisory, version, owner) keeps a retried publication from mailing twice.
     */
    void tell(ContactPoint vendor, VendorAdvisory advisory, Map<String, ModelAdvice> advice) {
        long org = vendor.organisationId();
        String page = addresses.vendor(vendor) + "/advisories/" + advisory.trackingId();
        for (ModelAdvice model : advice.values()) {
            record Owner(long id, String email, Language language) {}
            List<Owner> owners = jdbc.sql("""
                    select o.id, o.email, o.language from device_owner o join product p on p.id = o.product_id
                    where o.organisation_id = ? and p.model_number = ? and o.confirmed_at is not null order by o.id""")
                    .params(org, model.modelNumber())
                    .query((rs, i) -> new Owner(rs.getLong("id"), rs.getString("email"),
                            Language.fromCode(rs.getString("language")))).list();
            for (Owner owner : owners) {
                OwnerMailText text = OwnerMailText.of(owner.language());
                mail.enqueue(org, "advisory/" + advisory.id() + "/" + advisory.version() + "/owner/" + owner.id(),
                        owner.email(), owner.language(), text.advisorySubject(vendor.vendorName(), advisory),
                        text.advisoryBody(vendor.vendorName(), advisory, model,
                                page + "?lang=" + owner.language().code()));
            }
        }
    }

    private static byte[] bytes() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return b;
    }
}
