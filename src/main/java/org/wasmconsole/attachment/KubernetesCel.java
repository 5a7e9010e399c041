package org.wasmconsole.attachment;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The CEL of Kubernetes' {@code x-kubernetes-validations}, on Google's CEL for Java: the standard
 * environment plus the Kubernetes URL library that Istio's CRD rules call (k8s.io/apiserver
 * {@code pkg/cel/library/urls.go}): {@code isURL(string)}, {@code url(string)} and on the URL
 * {@code getScheme()}, {@code getHost()}, {@code getHostname()}, {@code getPort()},
 * {@code getEscapedPath()}, with {@link KubernetesUrl} giving them Go's parsing. A rule sees the
 * value it is declared on as {@code self}. Compiled programs are kept: the CRD has a dozen rules.
 */
public final class KubernetesCel {

    /** Kubernetes' {@code kubernetes.URL} type. */
    private static final OpaqueType URL = OpaqueType.create("kubernetes.URL");

    private static final Cel CEL = CelFactory.standardCelBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("self", SimpleType.DYN)
            .addFunctionDeclarations(
                    CelFunctionDecl.newFunctionDeclaration("isURL",
                            CelOverloadDecl.newGlobalOverload("is_url_string", SimpleType.BOOL, SimpleType.STRING)),
                    CelFunctionDecl.newFunctionDeclaration("url",
                            CelOverloadDecl.newGlobalOverload("string_to_url", URL, SimpleType.STRING)),
                    member("getScheme", "url_get_scheme"),
                    member("getHost", "url_get_host"),
                    member("getHostname", "url_get_hostname"),
                    member("getPort", "url_get_port"),
                    member("getEscapedPath", "url_get_escaped_path"))
            .addFunctionBindings(
                    CelFunctionBinding.from("is_url_string", String.class, KubernetesUrl::isUrl),
                    CelFunctionBinding.from("string_to_url", String.class, KubernetesCel::toUrl),
                    CelFunctionBinding.from("url_get_scheme", KubernetesUrl.class, KubernetesUrl::scheme),
                    CelFunctionBinding.from("url_get_host", KubernetesUrl.class, KubernetesUrl::host),
                    CelFunctionBinding.from("url_get_hostname", KubernetesUrl.class, KubernetesUrl::hostname),
                    CelFunctionBinding.from("url_get_port", KubernetesUrl.class, KubernetesUrl::port),
                    CelFunctionBinding.from("url_get_escaped_path", KubernetesUrl.class, KubernetesUrl::path))
            .build();

    private static final Map<String, CelRuntime.Program> PROGRAMS = new ConcurrentHashMap<>();

    private KubernetesCel() {
    }

    private static CelFunctionDecl member(String name, String overloadId) {
        return CelFunctionDecl.newFunctionDeclaration(name,
                CelOverloadDecl.newMemberOverload(overloadId, SimpleType.STRING, URL));
    }

    private static KubernetesUrl toUrl(String text) throws CelEvaluationException {
        try {
            return KubernetesUrl.parseRequestUri(text);
        } catch (KubernetesUrl.InvalidUrlException e) {
            throw new CelEvaluationException("URL parse error during conversion from string: " + e.getMessage());
        }
    }

    /**
     * Evaluates the rule with {@code self} bound to the value. As in the API server, a rule that
     * does not evaluate to true, an evaluation error included, fails.
     *
     * @return empty when the rule holds, else why it does not (an evaluation error's message, or
     *         an empty text for a plain false)
     * @throws IllegalArgumentException when the rule does not compile (a defect of the schema)
     */
    public static java.util.Optional<String> check(String rule, JsonNode self) {
        CelRuntime.Program program = PROGRAMS.computeIfAbsent(rule, KubernetesCel::compile);
        try {
            Object result = program.eval(Map.of("self", value(self)));
            return Boolean.TRUE.equals(result) ? java.util.Optional.empty() : java.util.Optional.of("");
        } catch (CelEvaluationException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    private static CelRuntime.Program compile(String rule) {
        try {
            CelAbstractSyntaxTree ast = CEL.compile(rule).getAst();
            return CEL.createProgram(ast);
        } catch (CelValidationException | CelEvaluationException e) {
            throw new IllegalArgumentException("CEL rule does not compile: " + rule + ": " + e.getMessage(), e);
        }
    }

    /** JSON as CEL values: objects are maps, arrays lists, integers int (Java long). */
    static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return NullValue.NULL_VALUE;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), value(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(value(item)));
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asString();
    }
}
