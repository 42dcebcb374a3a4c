package jp.renkei.core.csaf.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A node of the document with the JSON pointer that reaches it; the unit the mandatory tests walk. */
record At(JsonNode node, String pointer) {

    /** The document root. */
    static At root(JsonNode document) {
        return new At(document, "");
    }

    /** The member {@code name}, missing when absent. */
    At get(String name) {
        return new At(node.path(name), pointer + "/" + name.replace("~", "~0").replace("/", "~1"));
    }

    /** A path of members, e.g. {@code at("document", "tracking")}. */
    At at(String... names) {
        At at = this;
        for (String name : names) {
            at = at.get(name);
        }
        return at;
    }

    /** The items of this array (none when it is not an array). */
    List<At> items() {
        List<At> items = new ArrayList<>();
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                items.add(new At(node.get(i), pointer + "/" + i));
            }
        }
        return items;
    }

    /** Whether the member exists (with any value). */
    boolean present() {
        return !node.isMissingNode() && !node.isNull();
    }

    /** The text of a string node; empty for anything else. */
    String text() {
        return node.isTextual() ? node.asText() : "";
    }

    /** Whether this is a string node. */
    boolean isText() {
        return node.isTextual();
    }

    /** A finding of {@code test} at this node. */
    Finding finding(String test, String message) {
        return new Finding(test, pointer, message);
    }
}
