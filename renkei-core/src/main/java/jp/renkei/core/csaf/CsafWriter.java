package jp.renkei.core.csaf;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import jp.renkei.core.csaf.cvss.Cvss3;
import jp.renkei.core.csaf.cvss.Cvss3Metric;

/**
 * Writes an {@link Advisory} as CSAF 2.0 JSON in {@link CanonicalJson} form. Empty lists and absent
 * optionals are left out, because CSAF forbids empty arrays and objects.
 */
public final class CsafWriter {

    private CsafWriter() {
    }

    /** The canonical bytes of the document. */
    public static byte[] write(Advisory advisory) {
        return CanonicalJson.write(toJson(advisory));
    }

    /** The document as a JSON tree. */
    public static ObjectNode toJson(Advisory advisory) {
        ObjectNode root = CanonicalJson.object();
        root.set("document", document(advisory.document()));
        if (!advisory.productTree().isEmpty()) {
            root.set("product_tree", productTree(advisory.productTree()));
        }
        if (!advisory.vulnerabilities().isEmpty()) {
            ArrayNode vulnerabilities = root.putArray("vulnerabilities");
            advisory.vulnerabilities().forEach(v -> vulnerabilities.add(vulnerability(v)));
        }
        return root;
    }

    /** The CSAF spelling of a date-time: UTC with a {@code Z}. */
    public static String dateTime(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static ObjectNode document(DocumentMetadata d) {
        ObjectNode o = CanonicalJson.object();
        o.put("category", d.category());
        o.put("csaf_version", DocumentMetadata.CSAF_VERSION);
        o.put("title", d.title());
        d.lang().ifPresent(l -> o.put("lang", l));
        d.sourceLang().ifPresent(l -> o.put("source_lang", l));
        o.set("publisher", publisher(d.publisher()));
        o.set("tracking", tracking(d.tracking()));
        if (d.tlp().isPresent() || d.distributionText().isPresent()) {
            ObjectNode distribution = o.putObject("distribution");
            d.tlp().ifPresent(t -> distribution.putObject("tlp").put("label", t.label()));
            d.distributionText().ifPresent(t -> distribution.put("text", t));
        }
        notes(o, d.notes());
        references(o, d.references());
        return o;
    }

    /** The {@code publisher} object, also used in provider metadata. */
    public static ObjectNode publisher(Publisher p) {
        ObjectNode o = CanonicalJson.object();
        o.put("category", p.category().json());
        o.put("name", p.name());
        o.put("namespace", p.namespace().toString());
        p.contactDetails().ifPresent(c -> o.put("contact_details", c));
        p.issuingAuthority().ifPresent(a -> o.put("issuing_authority", a));
        return o;
    }

    private static ObjectNode tracking(Tracking t) {
        ObjectNode o = CanonicalJson.object();
        o.put("id", t.id());
        o.put("status", t.status().json());
        o.put("version", t.version());
        o.put("initial_release_date", dateTime(t.initialReleaseDate()));
        o.put("current_release_date", dateTime(t.currentReleaseDate()));
        ArrayNode history = o.putArray("revision_history");
        for (Tracking.Revision r : t.revisionHistory()) {
            ObjectNode item = history.addObject();
            item.put("date", dateTime(r.date()));
            item.put("number", r.number());
            item.put("summary", r.summary());
            r.legacyVersion().ifPresent(v -> item.put("legacy_version", v));
        }
        strings(o, "aliases", t.aliases());
        t.generator().ifPresent(g -> {
            ObjectNode generator = o.putObject("generator");
            ObjectNode engine = generator.putObject("engine");
            engine.put("name", g.engineName());
            g.engineVersion().ifPresent(v -> engine.put("version", v));
            g.date().ifPresent(date -> generator.put("date", dateTime(date)));
        });
        return o;
    }

    private static ObjectNode productTree(ProductTree tree) {
        ObjectNode o = CanonicalJson.object();
        if (!tree.branches().isEmpty()) {
            branches(o, tree.branches());
        }
        if (!tree.fullProductNames().isEmpty()) {
            ArrayNode names = o.putArray("full_product_names");
            tree.fullProductNames().forEach(p -> names.add(product(p)));
        }
        if (!tree.productGroups().isEmpty()) {
            ArrayNode groups = o.putArray("product_groups");
            for (ProductGroup g : tree.productGroups()) {
                ObjectNode item = groups.addObject();
                item.put("group_id", g.groupId());
                strings(item, "product_ids", g.productIds());
                g.summary().ifPresent(s -> item.put("summary", s));
            }
        }
        if (!tree.relationships().isEmpty()) {
            ArrayNode relationships = o.putArray("relationships");
            for (Relationship r : tree.relationships()) {
                ObjectNode item = relationships.addObject();
                item.put("category", r.category().json());
                item.set("full_product_name", product(r.fullProductName()));
                item.put("product_reference", r.productReference());
                item.put("relates_to_product_reference", r.relatesToProductReference());
            }
        }
        return o;
    }

    private static void branches(ObjectNode parent, List<Branch> branches) {
        ArrayNode array = parent.putArray("branches");
        for (Branch b : branches) {
            ObjectNode item = array.addObject();
            item.put("category", b.category().json());
            item.put("name", b.name());
            if (b.product().isPresent()) {
                item.set("product", product(b.product().get()));
            } else {
                branches(item, b.branches());
            }
        }
    }

    private static ObjectNode product(FullProductName p) {
        ObjectNode o = CanonicalJson.object();
        o.put("name", p.name());
        o.put("product_id", p.productId());
        FullProductName.Identification id = p.identification();
        if (!id.isEmpty()) {
            ObjectNode helper = o.putObject("product_identification_helper");
            id.cpe().ifPresent(c -> helper.put("cpe", c));
            id.purl().ifPresent(c -> helper.put("purl", c));
            strings(helper, "model_numbers", id.modelNumbers());
            strings(helper, "serial_numbers", id.serialNumbers());
            strings(helper, "skus", id.skus());
        }
        return o;
    }

    private static ObjectNode vulnerability(Vulnerability v) {
        ObjectNode o = CanonicalJson.object();
        v.cve().ifPresent(c -> o.put("cve", c));
        v.cwe().ifPresent(c -> o.putObject("cwe").put("id", c.id()).put("name", c.name()));
        if (!v.ids().isEmpty()) {
            ArrayNode ids = o.putArray("ids");
            v.ids().forEach(id -> ids.addObject().put("system_name", id.systemName()).put("text", id.text()));
        }
        v.title().ifPresent(t -> o.put("title", t));
        notes(o, v.notes());
        v.discoveryDate().ifPresent(d -> o.put("discovery_date", dateTime(d)));
        v.releaseDate().ifPresent(d -> o.put("release_date", dateTime(d)));
        if (!v.productStatus().isEmpty()) {
            ObjectNode status = o.putObject("product_status");
            v.productStatus().byStatus().forEach((s, ids) -> strings(status, s.json(), ids));
        }
        if (!v.scores().isEmpty()) {
            ArrayNode scores = o.putArray("scores");
            v.scores().forEach(s -> scores.add(score(s)));
        }
        if (!v.remediations().isEmpty()) {
            ArrayNode remediations = o.putArray("remediations");
            for (Remediation r : v.remediations()) {
                ObjectNode item = remediations.addObject();
                item.put("category", r.category().json());
                item.put("details", r.details());
                r.url().ifPresent(u -> item.put("url", u.toString()));
                strings(item, "product_ids", r.productIds());
                strings(item, "group_ids", r.groupIds());
                date(item, r.date());
            }
        }
        if (!v.threats().isEmpty()) {
            ArrayNode threats = o.putArray("threats");
            for (Threat t : v.threats()) {
                ObjectNode item = threats.addObject();
                item.put("category", t.category().json());
                item.put("details", t.details());
                strings(item, "product_ids", t.productIds());
                strings(item, "group_ids", t.groupIds());
                date(item, t.date());
            }
        }
        if (!v.flags().isEmpty()) {
            ArrayNode flags = o.putArray("flags");
            for (Flag f : v.flags()) {
                ObjectNode item = flags.addObject();
                item.put("label", f.label().json());
                strings(item, "product_ids", f.productIds());
                strings(item, "group_ids", f.groupIds());
                date(item, f.date());
            }
        }
        references(o, v.references());
        return o;
    }

    private static ObjectNode score(Score s) {
        ObjectNode o = CanonicalJson.object();
        strings(o, "products", s.products());
        s.cvssV3().ifPresent(c -> {
            ObjectNode cvss = o.putObject("cvss_v3")
                    .put("version", c.version())
                    .put("vectorString", c.vectorString())
                    .put("baseScore", c.baseScore())
                    .put("baseSeverity", c.baseSeverity());
            baseMetrics(cvss, c.vectorString());
        });
        s.cvssV2().ifPresent(c -> o.putObject("cvss_v2")
                .put("version", "2.0")
                .put("vectorString", c.vectorString())
                .put("baseScore", c.baseScore()));
        return o;
    }

    /** The base metrics spelled out, as most consumers expect; they follow from the vector. */
    private static void baseMetrics(ObjectNode cvss, String vector) {
        try {
            Cvss3 parsed = Cvss3.parse(vector);
            for (Cvss3Metric metric : Cvss3Metric.values()) {
                if (metric.base()) {
                    cvss.put(metric.property(), metric.jsonValue(parsed.value(metric)).orElseThrow());
                }
            }
        } catch (IllegalArgumentException e) {
            // A malformed vector is written as given; validation (test 6.1.8) reports it.
        }
    }

    private static void notes(ObjectNode parent, List<Note> notes) {
        if (notes.isEmpty()) {
            return;
        }
        ArrayNode array = parent.putArray("notes");
        for (Note n : notes) {
            ObjectNode item = array.addObject();
            item.put("category", n.category().json());
            item.put("text", n.text());
            n.title().ifPresent(t -> item.put("title", t));
            n.audience().ifPresent(a -> item.put("audience", a));
        }
    }

    private static void references(ObjectNode parent, List<Reference> references) {
        if (references.isEmpty()) {
            return;
        }
        ArrayNode array = parent.putArray("references");
        for (Reference r : references) {
            array.addObject()
                    .put("category", r.category().json())
                    .put("summary", r.summary())
                    .put("url", r.url().toString());
        }
    }

    private static void strings(ObjectNode parent, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = parent.putArray(field);
            values.forEach(array::add);
        }
    }

    private static void date(ObjectNode parent, Optional<Instant> date) {
        date.ifPresent(d -> parent.put("date", dateTime(d)));
    }
}
