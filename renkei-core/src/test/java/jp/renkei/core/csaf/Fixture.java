package jp.renkei.core.csaf;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * A CSAF test document built from a small valid base by replacing or removing parts at JSON pointers,
 * so each test case shows only what it is about (the snippets follow the spec's examples).
 */
public final class Fixture {

    private static final String ADVISORY = """
            {
              "document": {
                "category": "csaf_security_advisory",
                "csaf_version": "2.0",
                "lang": "en",
                "publisher": {"category": "vendor", "name": "Example PSIRT", "namespace": "https://psirt.example.com"},
                "title": "Mandatory test fixture",
                "tracking": {
                  "id": "RENKEI-FIXTURE-1",
                  "status": "final",
                  "version": "1",
                  "initial_release_date": "2021-07-21T10:00:00.000Z",
                  "current_release_date": "2021-07-21T10:00:00.000Z",
                  "revision_history": [{"date": "2021-07-21T10:00:00.000Z", "number": "1", "summary": "Initial version."}]
                }
              },
              "product_tree": {
                "full_product_names": [
                  {"name": "Product A", "product_id": "CSAFPID-9080700"},
                  {"name": "Product B", "product_id": "CSAFPID-9080701"},
                  {"name": "Product C", "product_id": "CSAFPID-9080702"}
                ]
              },
              "vulnerabilities": [
                {
                  "cve": "CVE-2021-0001",
                  "notes": [{"category": "description", "text": "A vulnerability in Product A."}],
                  "product_status": {"known_affected": ["CSAFPID-9080700"]},
                  "remediations": [
                    {"category": "vendor_fix", "details": "Update Product A.", "product_ids": ["CSAFPID-9080700"]}
                  ]
                }
              ]
            }
            """;

    private final ObjectNode root;

    private Fixture(ObjectNode root) {
        this.root = root;
    }

    /** A valid {@code csaf_security_advisory}: three products, one vulnerability affecting Product A. */
    public static Fixture advisory() {
        return new Fixture((ObjectNode) parse(ADVISORY));
    }

    /** The same document as a {@code csaf_vex}. */
    public static Fixture vex() {
        return advisory().with("/document/category", "\"csaf_vex\"");
    }

    /** Replaces (or adds) the value at {@code pointer}; an index one past an array's end appends. */
    public Fixture with(String pointer, String json) {
        ObjectNode copy = root.deepCopy();
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode parent = copy.at(p.head());
        JsonNode value = parse(json);
        if (parent instanceof ObjectNode object) {
            object.set(p.last().getMatchingProperty(), value);
        } else if (parent instanceof ArrayNode array) {
            int index = p.last().getMatchingIndex();
            if (index == array.size()) {
                array.add(value);
            } else {
                array.set(index, value);
            }
        } else {
            throw new IllegalArgumentException("no container at " + p.head());
        }
        return new Fixture(copy);
    }

    /** Removes the value at {@code pointer}. */
    public Fixture without(String pointer) {
        ObjectNode copy = root.deepCopy();
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode parent = copy.at(p.head());
        if (parent instanceof ObjectNode object) {
            object.remove(p.last().getMatchingProperty());
        } else if (parent instanceof ArrayNode array) {
            array.remove(p.last().getMatchingIndex());
        }
        return new Fixture(copy);
    }

    public JsonNode json() {
        return root.deepCopy();
    }

    public byte[] bytes() {
        return CanonicalJson.write(root);
    }

    private static JsonNode parse(String json) {
        try {
            return CanonicalJson.read(json.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalArgumentException("fixture JSON does not parse: " + json, e);
        }
    }
}
