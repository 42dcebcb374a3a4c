package jp.renkei.server;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Renkei: one process, one Spring Modulith application module per bounded context. */
@SpringBootApplication
@EnableScheduling
public class RenkeiApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(RenkeiApplication.class);
        // `--demo` is a switch, not a property: Spring would read it as an empty "demo" value.
        if (Arrays.asList(args).contains("--demo")) {
            app.setAdditionalProfiles("demo");
            args = Arrays.stream(args).filter(a -> !a.equals("--demo")).toArray(String[]::new);
        }
        app.run(args);
    }
}
