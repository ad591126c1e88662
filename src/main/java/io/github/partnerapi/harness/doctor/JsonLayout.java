package io.github.partnerapi.harness.doctor;

import io.github.partnerapi.harness.doctor.JsonTree.Arr;
import io.github.partnerapi.harness.doctor.JsonTree.Member;
import io.github.partnerapi.harness.doctor.JsonTree.Obj;
import io.github.partnerapi.harness.doctor.JsonTree.Out;
import io.github.partnerapi.harness.doctor.JsonTree.Scalar;
import java.util.List;

/**
 * One way of laying out JSON: what common formatters write. Strings and numbers are copied byte for
 * byte; only whitespace and separators differ.
 *
 * @param name how the layout is described to users, after "sent" or "signed"
 * @param indent one level of indentation, or null for one line
 * @param colon between key and value ({@code ":"}, {@code ": "} or Jackson's {@code " : "})
 * @param comma between members and items on one line ({@code ","} or Python's {@code ", "})
 * @param inlineArrays Jackson's default: arrays on one line as {@code [ a, b ]}
 */
record JsonLayout(String name, String indent, String colon, String comma, boolean inlineArrays) {

    static final JsonLayout COMPACT = new JsonLayout("compact", null, ":", ",", false);

    /** Python's json.dumps and requests' json= without indent: one line, a space after each : and ,. */
    static final JsonLayout PYTHON = new JsonLayout("on one line with spaces after : and , (Python's json.dumps default)",
            null, ": ", ", ", false);

    /** JSON.stringify, jq, Go's MarshalIndent and Python's json.dumps (indent=N) write these. */
    static final List<JsonLayout> PRETTY = List.of(
            new JsonLayout("pretty-printed with 2 spaces (JSON.stringify, jq, Go, Python)", "  ", ": ", ",", false),
            new JsonLayout("pretty-printed with 4 spaces (JSON.stringify, Go, Python)", "    ", ": ", ",", false),
            new JsonLayout("pretty-printed with tabs (JSON.stringify, jq --tab, Go)", "\t", ": ", ",", false),
            new JsonLayout("pretty-printed by Jackson's default printer (\" : \")", "  ", " : ", ",", true),
            new JsonLayout("pretty-printed by Windows PowerShell's ConvertTo-Json (4 spaces, \":  \")", "    ", ":  ", ",",
                    false));

    /** Every layout tried: compact, Python's one line, then the pretty ones. */
    static final List<JsonLayout> ALL = List.of(COMPACT, PYTHON, PRETTY.get(0), PRETTY.get(1), PRETTY.get(2),
            PRETTY.get(3), PRETTY.get(4));

    byte[] print(JsonTree tree) {
        Out out = new Out();
        write(out, tree, 0);
        return out.bytes.toByteArray();
    }

    boolean compact() {
        return indent == null;
    }

    private void write(Out out, JsonTree tree, int level) {
        if (tree instanceof Scalar scalar) {
            out.write(scalar.raw());
        } else if (tree instanceof Obj obj) {
            writeObject(out, obj.members(), level);
        } else {
            writeArray(out, ((Arr) tree).items(), level);
        }
    }

    private void writeObject(Out out, List<Member> members, int level) {
        if (members.isEmpty()) {
            out.write(inlineArrays ? "{ }" : "{}");
            return;
        }
        out.write("{");
        for (int i = 0; i < members.size(); i++) {
            out.write(i == 0 ? "" : indent == null ? comma : ",");
            newline(out, level + 1);
            out.write(members.get(i).rawKey()).write(colon);
            write(out, members.get(i).value(), level + 1);
        }
        newline(out, level);
        out.write("}");
    }

    private void writeArray(Out out, List<JsonTree> items, int level) {
        if (items.isEmpty()) {
            out.write(inlineArrays ? "[ ]" : "[]");
            return;
        }
        out.write(inlineArrays ? "[ " : "[");
        for (int i = 0; i < items.size(); i++) {
            out.write(i == 0 ? "" : inlineArrays ? ", " : indent == null ? comma : ",");
            if (!inlineArrays) {
                newline(out, level + 1);
            }
            write(out, items.get(i), inlineArrays ? level : level + 1);
        }
        if (!inlineArrays) {
            newline(out, level);
        }
        out.write(inlineArrays ? " ]" : "]");
    }

    private void newline(Out out, int level) {
        if (indent == null) {
            return;
        }
        out.write("\n");
        for (int i = 0; i < level; i++) {
            out.write(indent);
        }
    }
}
