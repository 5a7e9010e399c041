package org.wasmconsole.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Kubernetes' CEL URL library as the console registers it in Google's CEL for Java, with the
 * semantics of k8s.io/apiserver pkg/cel/library/urls.go (Go's url.ParseRequestURI), and the
 * standard macros the CRD rules use.
 */
class KubernetesCelTest {

    private static JsonNode text(String s) {
        return JsonNodeFactory.instance.stringNode(s);
    }

    private static boolean holds(String rule, JsonNode self) {
        return KubernetesCel.check(rule, self).isEmpty();
    }

    @ParameterizedTest(name = "isURL(\"{0}\")")
    @ValueSource(strings = {"http://test", "https://example.com/a.wasm?x=1", "file:///opt/f.wasm", "oci://docker.io/a/b:1",
            "oci://[::1]:5000/a/b:1", "oci://[2001:db8::1]/a", "/absolute/path", "localhost:5000/a/b", "mailto:a@b",
            "http://user:pw@host:8080/p", "*"})
    void isUrlAcceptsWhatGoParseRequestUriAccepts(String url) {
        assertThat(holds("isURL(self)", text(url))).isTrue();
    }

    @ParameterizedTest(name = "!isURL(\"{0}\")")
    @ValueSource(strings = {"", "test", "docker.io/a/b:1", "#%blah$#@", "http://#%blah$#@", "http://[::1", "http://host:x/",
            "http://[zz::1]/", "http://exa mple.com/", "http://host/%zz", ":no-scheme", "relative/path"})
    void isUrlRefusesWhatGoParseRequestUriRefuses(String url) {
        assertThat(holds("isURL(self)", text(url))).isFalse();
    }

    @ParameterizedTest(name = "url(\"{0}\").getScheme() == \"{1}\"")
    @CsvSource({"http://test, http", "HTTPS://Example.com, https", "oci://docker.io/a:1, oci", "file:///x, file",
            "localhost:5000/a, localhost", "/just/a/path, ''"})
    void getSchemeIsGosLowercaseScheme(String url, String scheme) {
        assertThat(holds("url(self).getScheme() == '" + scheme + "'", text(url))).isTrue();
    }

    @Test
    void hostHostnamePortAndPathAreGos() {
        JsonNode url = text("oci://[::1]:5000/team/filter:1.0");
        assertThat(holds("url(self).getHost() == '[::1]:5000'", url)).isTrue();
        assertThat(holds("url(self).getHostname() == '::1'", url)).isTrue();
        assertThat(holds("url(self).getPort() == '5000'", url)).isTrue();
        assertThat(holds("url(self).getEscapedPath() == '/team/filter:1.0'", url)).isTrue();
        assertThat(holds("url(self).getPort() == ''", text("https://example.com/"))).isTrue();
    }

    @Test
    void urlOfSomethingThatIsNotAUrlIsAnEvaluationErrorAndTheRuleFails() {
        assertThat(KubernetesCel.check("url(self).getScheme() == 'http'", text("test")))
                .get().asString().contains("URL parse error");
    }

    @Test
    void theStandardMacrosWorkOnMapsAndLists() {
        JsonNode labels = JsonNodeFactory.instance.objectNode().put("app", "gw").put("istio*", "x");
        assertThat(holds("self.all(key, !key.contains('*'))", labels)).isFalse();
        assertThat(holds("self.all(key, key.size() != 0)", labels)).isTrue();
        JsonNode env = JsonNodeFactory.instance.objectNode().put("name", "A").put("valueFrom", "HOST");
        assertThat(holds("(has(self.valueFrom) ? self.valueFrom : '') != 'HOST' || !has(self.value)", env)).isTrue();
    }

    @Test
    void aRuleThatDoesNotCompileIsADefectNotAVerdict() {
        assertThatThrownBy(() -> KubernetesCel.check("self.(", text("x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ipv6LiteralsAreCheckedAsGoDoes() {
        assertThat(KubernetesUrl.isIpv6("::1")).isTrue();
        assertThat(KubernetesUrl.isIpv6("2001:db8:0:0:0:0:2:1")).isTrue();
        assertThat(KubernetesUrl.isIpv6("::ffff:192.0.2.1")).isTrue();
        assertThat(KubernetesUrl.isIpv6("1:2:3:4:5:6:7:8:9")).isFalse();
        assertThat(KubernetesUrl.isIpv6("1::2::3")).isFalse();
        assertThat(KubernetesUrl.isIpv6("127.0.0.1")).isFalse();
    }
}
