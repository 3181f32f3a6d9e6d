package org.backproplab.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads typed values out of a Jackson tree, naming the JSON path of anything that is missing or wrong in
 * a {@link FileFormatException}. One instance per source document.
 */
final class JsonFields {
    private final String source;

    JsonFields(String source) {
        this.source = source;
    }

    /** @return an exception naming {@code path} and the problem */
    FileFormatException error(String path, String problem) {
        return new FileFormatException(source, path, problem);
    }

    /** @return {@code "a.b"} or {@code "b"} when {@code parent} is the root */
    static String field(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    /** @return {@code parent[i]} */
    static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }

    /** @return {@code n} described for a message: {@code "NaN"} (quoted) for text, else its JSON kind and value */
    static String found(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isTextual()) {
            String t = n.textValue();
            return "\"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
        }
        if (n.isContainerNode()) {
            return n.isArray() ? "an array" : "an object";
        }
        return n.isNull() ? "null" : n.asText();
    }

    /** Checks that {@code n} is an object with no fields but {@code allowed}. */
    void object(JsonNode n, String path, Set<String> allowed) throws FileFormatException {
        if (n == null || !n.isObject()) {
            throw error(path.isEmpty() ? "(document)" : path, "expected an object, found " + found(n));
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw error(field(path, name), "unknown field: expected one of " + allowed);
            }
        }
    }

    /** @return field {@code name} of object {@code n} */
    JsonNode required(JsonNode n, String path, String name) throws FileFormatException {
        JsonNode v = n.get(name);
        if (v == null) {
            throw error(field(path, name), "missing");
        }
        return v;
    }

    /** @return the array at {@code path}, checking its length is within {@code [min, max]} */
    JsonNode array(JsonNode n, String path, int min, long max) throws FileFormatException {
        if (n == null || !n.isArray()) {
            throw error(path, "expected an array, found " + found(n));
        }
        if (n.size() < min || n.size() > max) {
            throw error(path, "has " + n.size() + " entries: expected "
                    + (min == max ? Long.toString(max) : min + ".." + max));
        }
        return n;
    }

    /** @return the finite number at {@code path} */
    double number(JsonNode n, String path) throws FileFormatException {
        if (n == null || !n.isNumber() || !Double.isFinite(n.doubleValue())) {
            throw error(path, "expected a finite number, found " + found(n));
        }
        return n.doubleValue();
    }

    /** @return the whole number in {@code [min, max]} at {@code path} */
    long integer(JsonNode n, String path, long min, long max) throws FileFormatException {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw error(path, "expected a whole number, found " + found(n));
        }
        long v = n.longValue();
        if (v < min || v > max) {
            throw error(path, "is " + v + ": expected " + min + ".." + max);
        }
        return v;
    }

    /** @return the string at {@code path} */
    String text(JsonNode n, String path) throws FileFormatException {
        if (n == null || !n.isTextual()) {
            throw error(path, "expected a string, found " + found(n));
        }
        return n.textValue();
    }

    /** @return the boolean at {@code path} */
    boolean bool(JsonNode n, String path) throws FileFormatException {
        if (n == null || !n.isBoolean()) {
            throw error(path, "expected true or false, found " + found(n));
        }
        return n.booleanValue();
    }

    /** @return exactly {@code count} strings, or an empty list if {@code n} is absent */
    List<String> texts(JsonNode n, String path, int count) throws FileFormatException {
        if (n == null) {
            return List.of();
        }
        array(n, path, count, count);
        List<String> s = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            s.add(text(n.get(i), index(path, i)));
        }
        return s;
    }

    /** @return a {@code rows × cols} matrix of finite numbers, one JSON array per row */
    double[][] matrix(JsonNode n, String path, int rows, int cols) throws FileFormatException {
        array(n, path, rows, rows);
        double[][] m = new double[rows][];
        for (int r = 0; r < rows; r++) {
            m[r] = vector(n.get(r), index(path, r), cols);
        }
        return m;
    }

    /** @return {@code length} finite numbers */
    double[] vector(JsonNode n, String path, int length) throws FileFormatException {
        array(n, path, length, length);
        double[] v = new double[length];
        for (int c = 0; c < length; c++) {
            v[c] = number(n, path, c);
        }
        return v;
    }

    /** Entry {@code i} of array {@code a} at {@code path} as {@link #number}; the entry's path is made only for a message. */
    double number(JsonNode a, String path, int i) throws FileFormatException {
        JsonNode n = a.get(i);
        if (n != null && n.isNumber()) {
            double v = n.doubleValue();
            if (Double.isFinite(v)) {
                return v;
            }
        }
        return number(n, index(path, i));
    }
}
