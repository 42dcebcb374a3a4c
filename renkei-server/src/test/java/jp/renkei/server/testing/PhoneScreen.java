package jp.renkei.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/** Checks and keepsakes of what a phone ({@link Chromium#phone}) shows. */
public final class PhoneScreen {

    private PhoneScreen() {
    }

    /** A viewport {@code width} CSS pixels wide and nothing wider than it: the page never scrolls sideways. */
    public static void assertFits(ChromeDriver phone, long width) {
        assertThat((Long) phone.executeScript("return window.innerWidth")).as("a phone-sized viewport").isEqualTo(width);
        assertThat((Long) phone.executeScript("return document.documentElement.scrollWidth"))
                .as("nothing wider than the phone: %s", phone.executeScript("""
                        return [...document.querySelectorAll('body *')]
                            .filter(e => e.getBoundingClientRect().right > window.innerWidth)
                            .map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + e.getBoundingClientRect().right)
                            .join(', ')"""))
                .isLessThanOrEqualTo(width);
    }

    /** Keeps what the phone showed in target/screenshots, for a reviewer's eyes. */
    public static void screenshot(ChromeDriver phone, String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(dir.resolve(name), phone.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
