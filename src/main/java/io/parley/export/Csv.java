package io.parley.export;

/**
 * CSV fields as RFC 4180 writes them: a field holding a comma, quote, CR or LF is quoted, with
 * quotes doubled; records end with CRLF. A text field that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or CR, the OWASP list) is prefixed with a single quote, so
 * opening an export in Excel or LibreOffice never evaluates data a source put there.
 */
final class Csv {

    private Csv() {
    }

    /** Appends {@code value} (null is an empty field) as one field of a record. */
    static void field(StringBuilder line, String value, boolean text) {
        if (value == null || value.isEmpty()) {
            return;
        }
        String safe = text && startsLikeAFormula(value) ? "'" + value : value;
        if (needsQuotes(safe)) {
            line.append('"').append(safe.replace("\"", "\"\"")).append('"');
        } else {
            line.append(safe);
        }
    }

    static boolean startsLikeAFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
