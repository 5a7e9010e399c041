package org.wasmconsole.attachment.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.wasmconsole.attachment.Attachment;
import org.wasmconsole.attachment.MatchSelector;
import org.wasmconsole.attachment.TopologyCounts;
import org.wasmconsole.base.Fqn;

/**
 * The words and small parsers of the tenant's topology screens: counts, match summaries, and the
 * one-line forms of labels ({@code app=ingress, version=v1}) and ports ({@code 8080, 8443}).
 */
final class TopologyText {

    private static final Pattern EXTENSION_PATH = Pattern.compile("spec\\.extension\\[(\\d+)](?:\\.(.*))?");
    private static final Pattern SELECTOR_PATH = Pattern.compile("match\\[(\\d+)](?:\\.(.*))?");
    private static final Pattern PORT_PATH = Pattern.compile("ports\\[(\\d+)]\\.number");

    private TopologyText() {
    }

    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** The extension's own name, from {@code organizations/<org>/extensions/<name>}. */
    static String extensionName(String fqn) {
        return Fqn.nameOf(fqn);
    }

    /** "CLIENT :8080, :8443; CLIENT_AND_SERVER (all ports)", or the extension's when the attachment has none. */
    static String matchSummary(Attachment attachment) {
        if (!attachment.overridesMatch()) {
            return "extension's match";
        }
        return attachment.match().stream().map(TopologyText::selector).collect(Collectors.joining("; "));
    }

    static String selector(MatchSelector s) {
        String mode = s == null ? "?" : s.effectiveMode().name();
        if (s == null || s.ports().isEmpty()) {
            return mode + " (all ports)";
        }
        return mode + " " + s.ports().stream().map(p -> ":" + p).collect(Collectors.joining(", "));
    }

    static String labels(Map<String, String> labels) {
        return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    static String ports(List<Integer> ports) {
        return ports.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** Labels read from text, or the first problem with it in words. */
    record ParsedLabels(Map<String, String> labels, String error) {
    }

    static ParsedLabels parseLabels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return new ParsedLabels(labels, null);
        }
        for (String item : text.split("[,\\n]")) {
            String trimmed = item.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq < 0) {
                int colon = trimmed.indexOf(':');
                if (colon < 0) {
                    return new ParsedLabels(labels, "'" + trimmed + "' has no '=': write each label as key=value,"
                            + " e.g. app=ingress");
                }
                eq = colon;
            }
            String key = trimmed.substring(0, eq).strip();
            String value = trimmed.substring(eq + 1).strip();
            if (key.isEmpty()) {
                return new ParsedLabels(labels, "'" + trimmed + "' has no key before '=': write key=value,"
                        + " e.g. app=ingress");
            }
            if (labels.containsKey(key)) {
                return new ParsedLabels(labels, "label '" + key + "' is given twice; keep one value per key");
            }
            labels.put(key, value);
        }
        return new ParsedLabels(labels, null);
    }

    /** Ports read from "8080, 8443" (spaces or commas), or the first word that is not a number. */
    record ParsedPorts(List<Integer> ports, String error) {
    }

    static ParsedPorts parsePorts(String text) {
        List<Integer> ports = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return new ParsedPorts(ports, null);
        }
        for (String item : text.split("[,\\s]+")) {
            String trimmed = item.strip().replaceFirst("^:", "");
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                ports.add(Integer.parseInt(trimmed));
            } catch (NumberFormatException e) {
                return new ParsedPorts(ports, "'" + trimmed + "' is not a port number: write numbers from 1 to"
                        + " 65535 separated by commas, e.g. 8080, 8443");
            }
        }
        return new ParsedPorts(ports, null);
    }

    /** Where a violation of {@code spec.extension[i]…} points inside the attachment: its index and the rest. */
    record AttachmentPath(int index, String rest) {

        /** {@code match[j]…}: the selector's index and the rest ("mode", "ports[k].number", ""). */
        Optional<int[]> selector() {
            Matcher m = SELECTOR_PATH.matcher(rest);
            if (!m.matches()) {
                return Optional.empty();
            }
            int port = -1;
            if (m.group(2) != null) {
                Matcher p = PORT_PATH.matcher(m.group(2));
                if (p.matches()) {
                    port = Integer.parseInt(p.group(1));
                }
            }
            return Optional.of(new int[] {Integer.parseInt(m.group(1)), port});
        }

        boolean isSelectorMode() {
            return rest.matches("match\\[\\d+]\\.mode");
        }
    }

    static Optional<AttachmentPath> attachmentPath(String path) {
        Matcher m = EXTENSION_PATH.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new AttachmentPath(Integer.parseInt(m.group(1)), m.group(2) == null ? "" : m.group(2)));
    }

    /**
     * The service's messages read "is …" or "must …" after the field's name; others are sentences
     * of their own. {@code subject} names the field ("Namespace", "Label app", "Port 2").
     */
    static String fieldMessage(String subject, String message) {
        if (message.startsWith("is ") || message.startsWith("must ") || message.startsWith("has ")) {
            return subject + " " + message;
        }
        if (message.startsWith("'")) {
            return subject + ": " + message;
        }
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    /** "2 gateways · 1 security setting", "0 gateways". */
    static String targetCounts(TopologyCounts counts) {
        long gateways = counts.gateways();
        long settings = counts.settings();
        if (settings == 0) {
            return TopologyText.count(gateways, "gateway", "gateways");
        }
        String s = TopologyText.count(settings, "security setting", "security settings");
        return gateways == 0 ? s : TopologyText.count(gateways, "gateway", "gateways") + " · " + s;
    }

    /** "3 gateways and their 5 attachments", "1 security setting (no attachments)"; never empty. */
    static String contents(TopologyCounts counts) {
        long gateways = counts.gateways();
        long settings = counts.settings();
        long attached = counts.attachments();
        String what;
        if (settings == 0) {
            what = TopologyText.count(gateways, "gateway", "gateways");
        } else if (gateways == 0) {
            what = TopologyText.count(settings, "security setting", "security settings");
        } else {
            what = TopologyText.count(gateways, "gateway", "gateways") + ", "
                    + TopologyText.count(settings, "security setting", "security settings");
        }
        String their = counts.targets() == 1 ? "its" : "their";
        return what + (attached == 0 ? " (no attachments)" : " and " + their + " "
                + TopologyText.count(attached, "attachment", "attachments"));
    }
}
