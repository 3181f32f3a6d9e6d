package org.backproplab.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/** The one Jackson configuration of Backprop Lab files: strict, bounded reading and tidy writing. */
final class Json {
    /**
     * Strict and bounded: no NaN or Infinity tokens, no duplicate keys, nothing after the document,
     * numbers of at most 100 characters, strings of at most 1 MiB, nesting at most 32 deep.
     */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(100)
                    .maxStringLength(1 << 20)
                    .maxNestingDepth(32)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // correctly rounded like Double.parseDouble (the same bits), several times faster on long loss arrays
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    /**
     * Writes a tree two spaces per level, keeping every flat node (a scalar, an array of scalars such as one
     * row of a matrix, an object of scalars such as one layer) on one line.
     *
     * @return the text, ending with a newline
     */
    static String pretty(JsonNode root) {
        StringBuilder out = new StringBuilder();
        write(root, 0, out);
        return out.append('\n').toString();
    }

    private static void write(JsonNode n, int depth, StringBuilder out) {
        if (isFlat(n)) {
            writeFlat(n, out);
            return;
        }
        String pad = "  ".repeat(depth + 1);
        boolean first = true;
        out.append(n.isArray() ? "[" : "{");
        if (n.isArray()) {
            for (JsonNode child : n) {
                out.append(first ? "\n" : ",\n").append(pad);
                write(child, depth + 1, out);
                first = false;
            }
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.append(first ? "\n" : ",\n").append(pad).append(scalar(MAPPER.getNodeFactory().textNode(e.getKey())))
                        .append(": ");
                write(e.getValue(), depth + 1, out);
                first = false;
            }
        }
        out.append('\n').append("  ".repeat(depth)).append(n.isArray() ? "]" : "}");
    }

    private static boolean isFlat(JsonNode n) {
        if (n.isValueNode() || n.isNull() || n.isEmpty()) {
            return true;
        }
        for (JsonNode child : n) {
            if (child.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static void writeFlat(JsonNode n, StringBuilder out) {
        if (!n.isContainerNode()) {
            out.append(scalar(n));
        } else if (n.isEmpty()) {
            out.append(n.isArray() ? "[]" : "{}");
        } else if (n.isArray()) {
            out.append('[');
            for (int i = 0; i < n.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(scalar(n.get(i)));
            }
            out.append(']');
        } else {
            out.append("{ ");
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.append(first ? "" : ", ").append(scalar(MAPPER.getNodeFactory().textNode(e.getKey())))
                        .append(": ").append(scalar(e.getValue()));
                first = false;
            }
            out.append(" }");
        }
    }

    /** A number (doubles as {@link Double#toString}, which parses back to the same bits), string, boolean or null. */
    private static String scalar(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a JSON value", e);
        }
    }

    /** @return a parser over {@code text} */
    static JsonParser parser(String text) throws java.io.IOException {
        return FACTORY.createParser(text);
    }

    /** @return a parser over UTF-8 (or UTF-16/32, detected) bytes */
    static JsonParser parser(byte[] bytes) throws java.io.IOException {
        return FACTORY.createParser(bytes);
    }
}
