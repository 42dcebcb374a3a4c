package jp.renkei.core.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Maps a schema-valid CSAF JSON tree to the model. Anything the schema lets through but the model
 * cannot hold becomes a {@link MappingException} naming the JSON pointer.
 */
final class TreeMapping {

    /** A part of the tree that does not fit the model. */
    static final class MappingException extends RuntimeException {

        private final String pointer;

        MappingException(String pointer, String message) {
            super(message);
            this.pointer = pointer;
        }

        String pointer() {
            return pointer;
        }
    }

    /** A node and its pointer. */
    private record N(JsonNode node, String pointer) {

        N get(String name) {
            return new N(node.path(name), pointer + "/" + name);
        }

        N at(String... names) {
            N n = this;
            for (String name : names) {
                n = n.get(name);
            }
            return n;
        }

        boolean present() {
            return !node.isMissingNode() && !node.isNull();
        }

        String text() {
            if (!node.isTextual()) {
                throw new MappingException(pointer, "expected a string");
            }
            return node.asText();
        }

        Optional<String> optionalText() {
            return present() ? Optional.of(text()) : Optional.empty();
        }

        <T> List<T> list(Function<N, T> item) {
            List<T> items = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                items.add(item.apply(new N(node.get(i), pointer + "/" + i)));
            }
            return items;
        }

        List<String> strings() {
            return list(N::text);
        }

        Instant instant() {
            try {
                return OffsetDateTime.parse(text()).toInstant();
            } catch (DateTimeParseException e) {
                throw new MappingException(pointer, "not an RFC 3339 date-time: " + node.asText());
            }
        }

        Optional<Instant> optionalInstant() {
            return present() ? Optional.of(instant()) : Optional.empty();
        }

        URI uri() {
            try {
                return new URI(text());
            } catch (URISyntaxException e) {
                throw new MappingException(pointer, "not a URI: " + e.getMessage());
            }
        }

        <E extends Enum<E> & CsafEnum> E csafEnum(Class<E> type) {
            try {
                return CsafEnum.fromJson(type, text());
            } catch (IllegalArgumentException e) {
                throw new MappingException(pointer, e.getMessage());
            }
        }

        <T> T construct(Function<N, T> constructor) {
            try {
                return constructor.apply(this);
            } catch (IllegalArgumentException e) {
                throw new MappingException(pointer, e.getMessage());
            }
        }
    }

    Advisory advisory(JsonNode root) {
        N r = new N(root, "");
        N tree = r.get("product_tree");
        return new Advisory(document(r.get("document")), tree.present() ? productTree(tree) : ProductTree.EMPTY,
                r.get("vulnerabilities").list(this::vulnerability));
    }

    private DocumentMetadata document(N d) {
        N publisher = d.get("publisher");
        N tlp = d.at("distribution", "tlp", "label");
        return new DocumentMetadata(d.get("category").text(), d.get("title").text(), d.get("lang").optionalText(),
                d.get("source_lang").optionalText(),
                new Publisher(publisher.get("category").csafEnum(Publisher.Category.class),
                        publisher.get("name").text(), publisher.get("namespace").uri(),
                        publisher.get("contact_details").optionalText(),
                        publisher.get("issuing_authority").optionalText()),
                tracking(d.get("tracking")),
                tlp.present() ? Optional.of(tlp.construct(n -> Tlp.valueOf(n.text()))) : Optional.empty(),
                d.at("distribution", "text").optionalText(), d.get("notes").list(this::note),
                d.get("references").list(this::reference));
    }

    private Tracking tracking(N t) {
        N generator = t.get("generator");
        Optional<Tracking.Generator> gen = generator.present()
                ? Optional.of(new Tracking.Generator(generator.at("engine", "name").text(),
                        generator.at("engine", "version").optionalText(), generator.get("date").optionalInstant()))
                : Optional.empty();
        return new Tracking(t.get("id").text(), t.get("status").csafEnum(Tracking.Status.class),
                t.get("version").text(), t.get("initial_release_date").instant(),
                t.get("current_release_date").instant(),
                t.get("revision_history").list(r -> new Tracking.Revision(r.get("date").instant(),
                        r.get("number").text(), r.get("summary").text(), r.get("legacy_version").optionalText())),
                t.get("aliases").strings(), gen);
    }

    private Note note(N n) {
        return new Note(n.get("category").csafEnum(Note.Category.class), n.get("text").text(),
                n.get("title").optionalText(), n.get("audience").optionalText());
    }

    private Reference reference(N r) {
        Reference.Category category = r.get("category").present()
                ? r.get("category").csafEnum(Reference.Category.class) : Reference.Category.EXTERNAL;
        return new Reference(category, r.get("url").uri(), r.get("summary").text());
    }

    private ProductTree productTree(N t) {
        return new ProductTree(t.get("branches").list(this::branch), t.get("full_product_names").list(this::product),
                t.get("relationships").list(r -> new Relationship(
                        r.get("category").csafEnum(Relationship.Category.class), r.get("product_reference").text(),
                        r.get("relates_to_product_reference").text(), product(r.get("full_product_name")))),
                t.get("product_groups").list(g -> new ProductGroup(g.get("group_id").text(),
                        g.get("product_ids").strings(), g.get("summary").optionalText())));
    }

    private Branch branch(N b) {
        Branch.Category category = b.get("category").csafEnum(Branch.Category.class);
        String name = b.get("name").text();
        List<Branch> children = b.get("branches").list(this::branch);
        Optional<FullProductName> product = b.get("product").present() ? Optional.of(product(b.get("product")))
                : Optional.empty();
        return b.construct(n -> new Branch(category, name, children, product));
    }

    private FullProductName product(N p) {
        N h = p.get("product_identification_helper");
        FullProductName.Identification id = h.present()
                ? new FullProductName.Identification(h.get("cpe").optionalText(), h.get("purl").optionalText(),
                        h.get("model_numbers").strings(), h.get("serial_numbers").strings(), h.get("skus").strings())
                : FullProductName.Identification.NONE;
        return new FullProductName(p.get("product_id").text(), p.get("name").text(), id);
    }

    private Vulnerability vulnerability(N v) {
        N cwe = v.get("cwe");
        Map<ProductStatus.Status, List<String>> status = new EnumMap<>(ProductStatus.Status.class);
        for (ProductStatus.Status s : ProductStatus.Status.values()) {
            status.put(s, v.get("product_status").get(s.json()).strings());
        }
        return new Vulnerability(v.get("cve").optionalText(),
                v.get("ids").list(i -> new Vulnerability.Id(i.get("system_name").text(), i.get("text").text())),
                cwe.present() ? Optional.of(new Vulnerability.Cwe(cwe.get("id").text(), cwe.get("name").text()))
                        : Optional.empty(),
                v.get("title").optionalText(), v.get("notes").list(this::note),
                v.get("discovery_date").optionalInstant(), v.get("release_date").optionalInstant(),
                new ProductStatus(status), v.get("scores").list(this::score),
                v.get("remediations").list(r -> new Remediation(r.get("category").csafEnum(Remediation.Category.class),
                        r.get("details").text(),
                        r.get("url").present() ? Optional.of(r.get("url").uri()) : Optional.empty(),
                        r.get("product_ids").strings(), r.get("group_ids").strings(), r.get("date").optionalInstant())),
                v.get("threats").list(t -> new Threat(t.get("category").csafEnum(Threat.Category.class),
                        t.get("details").text(), t.get("product_ids").strings(), t.get("group_ids").strings(),
                        t.get("date").optionalInstant())),
                v.get("flags").list(f -> new Flag(f.get("label").csafEnum(Flag.Label.class),
                        f.get("product_ids").strings(), f.get("group_ids").strings(), f.get("date").optionalInstant())),
                v.get("references").list(this::reference));
    }

    private Score score(N s) {
        N v3 = s.get("cvss_v3");
        N v2 = s.get("cvss_v2");
        Optional<Score.CvssV3> cvssV3 = v3.present() ? Optional.of(new Score.CvssV3(v3.get("version").text(),
                v3.get("vectorString").text(), v3.get("baseScore").node().asDouble(), v3.get("baseSeverity").text()))
                : Optional.empty();
        Optional<Score.CvssV2> cvssV2 = v2.present() ? Optional.of(new Score.CvssV2(v2.get("vectorString").text(),
                v2.get("baseScore").node().asDouble())) : Optional.empty();
        return s.construct(n -> new Score(n.get("products").strings(), cvssV3, cvssV2));
    }
}
