package org.wasmconsole.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The problem details on the wire, byte for byte: member order, left-out members and the console's
 * own members (violations, report, places), from the MVC handler and from the filters that answer
 * before MVC (401, the firewall's 400), so that the way they are written can change under them.
 */
class ProblemBodyTest extends ApiTestBase {

    @Override
    String organization() {
        return "problem-body";
    }

    Map<String, ApiClient.Answer> answers() {
        String bad = "apiVersion: extension.tsb.tetrate.io/v2\nkind: WasmExtension\nmetadata:\n  name: Bad Name\n"
                + "spec:\n  url: x\n";
        Map<String, ApiClient.Answer> a = new LinkedHashMap<>();
        a.put("404", admin.get(f.extensions() + "/none"));
        a.put("404-path", admin.get("/api/v2/nothing-here"));
        a.put("405", admin.send("PATCH", f.extensions(), "application/json", "{}"));
        a.put("415", admin.send("POST", f.extensions(), "application/xml", "<x/>"));
        a.put("406", admin.header("Accept", "text/html").get(f.extensions() + "/open"));
        a.put("422-yaml", admin.postYaml(f.extensions(), bad));
        a.put("422-json", admin.postJson(f.extensions(), "{\"apiVersion\": \"extension.tsb.tetrate.io/v2\","
                + " \"kind\": \"WasmExtension\", \"metadata\": {\"name\": \"Bad Name\"}, \"spec\": {\"url\": \"x\"}}"));
        a.put("400-malformed", admin.postJson(f.extensions(), "{\"apiVersion\": "));
        a.put("400-yaml", admin.postYaml(f.extensions(), "a: [\n"));
        a.put("403", opA.postJson(f.extensions(), "{}"));
        a.put("401", ApiClient.as(port, "admin", "wrong-password-xx").get(f.extensions()));
        a.put("400-firewall", admin.get(f.extensions() + ";jsessionid=x"));
        String tenant = "{\"apiVersion\": \"api.tsb.tetrate.io/v2\", \"kind\": \"Tenant\", \"metadata\": {\"name\": \"twice\"}}";
        admin.postJson("/api/v2/organizations/" + f.org + "/tenants", tenant);
        a.put("409", admin.postJson("/api/v2/organizations/" + f.org + "/tenants", tenant));
        a.put("422-apply", admin.postYaml("/api/v2/apply", bad));
        return a;
    }

    /** The bodies as the hand-written ApiProblem wrote them before Spring's ProblemDetail took over. */
    @Test
    void everyProblemIsWrittenExactlyAsBefore() throws java.io.IOException {
        List<String> expected;
        try (var in = getClass().getResourceAsStream("/api/problem-bodies.txt")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<String> actual = new ArrayList<>();
        answers().forEach((k, v) -> actual.add(k + " " + v.status() + " " + v.header("Content-Type") + " " + v.body()));
        assertThat(actual).containsExactlyElementsOf(expected);
    }
}
