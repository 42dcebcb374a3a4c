package jp.renkei.core.intake;

import java.util.LinkedHashMap;

/**
 * A small JSON reader for one object per record (IntelMQ lines, X-ARF v4): nested objects are
 * flattened to dotted keys ({@code reporter.org}), arrays are kept as their JSON text, scalars as
 * text ({@code null} as empty). Keeps the core free of a JSON library.
 */
final class FlatJson {

    private final String s;
    private int i;

    private FlatJson(String s) {
        this.s = s;
    }

    /** The object's fields; throws {@link IllegalArgumentException} naming the position of a syntax error. */
    static LinkedHashMap<String, String> parse(String text) {
        FlatJson p = new FlatJson(text);
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        p.space();
        p.object("", out);
        p.space();
        if (p.i != p.s.length()) {
            throw p.error("text after the object");
        }
        return out;
    }

    private void object(String prefix, LinkedHashMap<String, String> out) {
        expect('{');
        space();
        if (peek() == '}') {
            i++;
            return;
        }
        while (true) {
            space();
            String key = string();
            space();
            expect(':');
            space();
            String name = prefix + key;
            char c = peek();
            if (c == '{') {
                object(name + ".", out);
            } else if (c == '[') {
                int start = i;
                skipValue();
                out.put(name, s.substring(start, i));
            } else {
                out.put(name, scalar());
            }
            space();
            char next = next();
            if (next == '}') {
                return;
            }
            if (next != ',') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private String scalar() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        int start = i;
        while (i < s.length() && ",}] \t\r\n".indexOf(s.charAt(i)) < 0) {
            i++;
        }
        String word = s.substring(start, i);
        if (word.equals("null")) {
            return "";
        }
        if (word.isEmpty() || !(word.equals("true") || word.equals("false")
                || word.chars().allMatch(ch -> "0123456789+-.eE".indexOf(ch) >= 0))) {
            throw error("not a JSON value: '" + word + "'");
        }
        return word;
    }

    private void skipValue() {
        char c = peek();
        if (c == '"') {
            string();
        } else if (c == '[' || c == '{') {
            char close = c == '[' ? ']' : '}';
            i++;
            space();
            if (peek() == close) {
                i++;
                return;
            }
            while (true) {
                space();
                if (c == '{') {
                    string();
                    space();
                    expect(':');
                    space();
                }
                skipValue();
                space();
                char next = next();
                if (next == close) {
                    return;
                }
                if (next != ',') {
                    throw error("expected ',' or '" + close + "'");
                }
            }
        } else {
            scalar();
        }
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            if (i >= s.length()) {
                throw error("unterminated string");
            }
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    if (i + 4 > s.length()) {
                        throw error("bad \\u escape");
                    }
                    try {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    i += 4;
                }
                default -> b.append(e);
            }
        }
    }

    private void space() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private char peek() {
        if (i >= s.length()) {
            throw error("unexpected end");
        }
        return s.charAt(i);
    }

    private char next() {
        char c = peek();
        i++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            i--;
            throw error("expected '" + c + "'");
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("JSON " + what + " at character " + (i + 1));
    }
}
