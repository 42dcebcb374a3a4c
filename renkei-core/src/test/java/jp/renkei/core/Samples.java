package jp.renkei.core;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import jp.renkei.core.imports.Parsed;

/** Test helpers for the hand-written sample files under {@code src/test/resources/samples}. */
public final class Samples {

    private Samples() {
    }

    /** Opens a sample file. */
    public static InputStream open(String name) {
        InputStream in = Samples.class.getResourceAsStream("/samples/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no sample " + name);
        }
        return in;
    }

    /** Drains a reader. */
    public static <T> List<Parsed<T>> readAll(Iterator<Parsed<T>> reader) {
        List<Parsed<T>> all = new ArrayList<>();
        reader.forEachRemaining(all::add);
        return all;
    }

    /** The values of the good rows. */
    public static <T> List<T> rows(List<Parsed<T>> parsed) {
        return parsed.stream().filter(p -> p instanceof Parsed.Row<T>).map(p -> ((Parsed.Row<T>) p).value()).toList();
    }

    /** The rejections, as "line: reason". */
    public static <T> List<Parsed.Rejected<T>> rejections(List<Parsed<T>> parsed) {
        return parsed.stream().filter(p -> p instanceof Parsed.Rejected<T>).map(p -> (Parsed.Rejected<T>) p).toList();
    }
}
