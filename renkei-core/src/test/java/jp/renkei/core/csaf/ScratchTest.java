package jp.renkei.core.csaf;

import jp.renkei.core.csaf.validation.CsafSchemas;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void scratch() throws Exception {
        var doc = CanonicalJson.read("""
            {"document":{"category":"csaf_base","csaf_version":"2.0","title":"x","lang":"EZ-",
             "publisher":{"category":"vendor","name":"n","namespace":"not a uri"},
             "tracking":{"id":"x","status":"final","version":"1","initial_release_date":"2024-01-01T00:00:00Z",
               "current_release_date":"yesterday","revision_history":[{"date":"2024-01-01T00:00:00Z","number":"1","summary":"s"}]}},
             "vulnerabilities":[{"scores":[{"products":["a"],"cvss_v3":{"version":"3.1","vectorString":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H","baseScore":9.8}}]}]}
            """.getBytes());
        long t = System.nanoTime();
        CsafSchemas.bundled().validateDocument(doc).forEach(System.out::println);
        System.out.println("ms " + (System.nanoTime() - t) / 1e6);
        t = System.nanoTime();
        CsafSchemas.bundled().validateDocument(doc).forEach(f -> {});
        System.out.println("ms " + (System.nanoTime() - t) / 1e6);
        System.out.println(CanonicalJson.writeString(doc));
    }
}
