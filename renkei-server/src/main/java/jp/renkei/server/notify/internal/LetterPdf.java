package jp.renkei.server.notify.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Prints letters into one PDF, one A4 page per letter, in IPAex Gothic embedded as a subset (a
 * Japanese font every machine prints the same, shipped with Renkei under the IPA Font License).
 * A letter too long for the page is set smaller rather than split, so each page is one envelope.
 */
final class LetterPdf {

    static final String FONT = "/fonts/ipaexg.ttf";

    private static final float MARGIN = 56f;          // about 20 mm
    private static final float SIZE = 10.5f;
    private static final float SMALLEST = 7f;
    private static final float LEADING = 1.55f;

    private LetterPdf() {
    }

    /** One letter: its text, line by line as composed. */
    record Letter(String text) {}

    static byte[] render(String title, List<Letter> letters) {
        try (PDDocument pdf = new PDDocument(); InputStream font = LetterPdf.class.getResourceAsStream(FONT)) {
            if (font == null) {
                throw new IllegalStateException("font " + FONT + " is missing from the application");
            }
            PDType0Font gothic = PDType0Font.load(pdf, font, true);
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("Renkei");
            Map<Integer, Boolean> printable = new HashMap<>();
            for (Letter letter : letters) {
                page(pdf, gothic, printable(gothic, printable, letter.text()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(PDDocument pdf, PDType0Font font, String text) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        pdf.addPage(page);
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        float height = PDRectangle.A4.getHeight() - 2 * MARGIN;
        float size = SIZE;
        List<String> lines = wrap(font, size, width, text);
        while (lines.size() * size * LEADING > height && size > SMALLEST) {
            size -= 0.5f;
            lines = wrap(font, size, width, text);
        }
        try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
            content.setFont(font, size);
            float y = PDRectangle.A4.getHeight() - MARGIN - size;
            int paragraph = 0;
            for (String line : lines) {
                if (line.isEmpty()) {
                    paragraph++;
                }
                // The second block (date and sender) stands flush right, as in any formal letter.
                float x = paragraph == 1 && !line.isEmpty() ? MARGIN + width - widthOf(font, size, line) : MARGIN;
                content.beginText();
                content.newLineAtOffset(x, y);
                content.showText(line);
                content.endText();
                y -= size * LEADING;
            }
        }
    }

    /** Breaks lines to the width: Latin text at spaces, Japanese anywhere. */
    static List<String> wrap(PDType0Font font, float size, float width, String text) throws IOException {
        List<String> out = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            String rest = paragraph;
            while (!rest.isEmpty() && widthOf(font, size, rest) > width) {
                int fit = 1;
                while (fit < rest.length() && widthOf(font, size, rest.substring(0, fit + 1)) <= width) {
                    fit++;
                }
                int space = rest.lastIndexOf(' ', fit);
                int cut = space > fit / 2 && isLatin(rest.charAt(fit - 1)) ? space : fit;
                out.add(rest.substring(0, cut).stripTrailing());
                rest = rest.substring(cut).stripLeading();
            }
            out.add(rest);
        }
        return out;
    }

    private static float widthOf(PDType0Font font, float size, String s) throws IOException {
        return font.getStringWidth(s) / 1000f * size;
    }

    private static boolean isLatin(char c) {
        return c < 0x2000;
    }

    // A character the font lacks (an emoji in a name) would stop the whole batch; print a
    // replacement and keep the rest of the letter.
    private static String printable(PDType0Font font, Map<Integer, Boolean> known, String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.replace("\r", "").replace("\t", "    ").codePoints().forEach(cp -> {
            boolean ok = cp == '\n' || known.computeIfAbsent(cp, c -> {
                try {
                    font.encode(new String(Character.toChars(c)));
                    return true;
                } catch (IllegalArgumentException | IOException e) {
                    return false;
                }
            });
            b.appendCodePoint(ok ? cp : '?');
        });
        return b.toString();
    }
}
