package io.github.partnerapi.harness.doctor;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits shell text into words as bash does, without running anything: {@code '…'}, {@code "…"}
 * and {@code $'…'} quoting, backslash escapes and backslash-newline continuations. Words are
 * bytes (carried one byte per char, ISO-8859-1), so {@code $'\xc3\xa9'} stays two bytes. An unquoted
 * newline ends a command; it is returned as the word {@link #NEWLINE}.
 */
final class ShellWords {

    static final String NEWLINE = "\n";

    private final byte[] in;
    private int pos;
    private int line = 1;

    private ShellWords(byte[] in) {
        this.in = in;
    }

    /** The words, with {@link #NEWLINE} between commands. */
    static List<Word> split(byte[] text) {
        return new ShellWords(text).words();
    }

    /** A word and the line it starts on. */
    record Word(String bytes, int line) {
        boolean isNewline() {
            return bytes == null;
        }
    }

    private List<Word> words() {
        List<Word> out = new ArrayList<>();
        while (pos < in.length) {
            byte b = in[pos];
            if (b == '\n') {
                out.add(new Word(null, line++));
                pos++;
            } else if (b == ' ' || b == '\t' || b == '\r') {
                pos++;
            } else if (b == '\\' && pos + 1 < in.length && (in[pos + 1] == '\n' || in[pos + 1] == '\r')) {
                pos += in[pos + 1] == '\r' && pos + 2 < in.length && in[pos + 2] == '\n' ? 3 : 2;
                line++;
            } else if (b == '#' && (pos == 0 || isSpace(in[pos - 1]))) {
                while (pos < in.length && in[pos] != '\n') {
                    pos++;
                }
            } else {
                int start = line;
                out.add(new Word(word(), start));
            }
        }
        return out;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private String word() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (pos < in.length && !isSpace(in[pos])) {
            byte b = in[pos];
            if (b == '\'') {
                pos++;
                while (in(pos, "a closing ' quote") != '\'') {
                    count(in[pos]);
                    out.write(in[pos++]);
                }
                pos++;
            } else if (b == '$' && pos + 1 < in.length && in[pos + 1] == '\'') {
                pos += 2;
                ansiC(out);
            } else if (b == '"') {
                pos++;
                doubleQuoted(out);
            } else if (b == '\\' && pos + 1 < in.length) {
                if (in[pos + 1] == '\n') {
                    line++;
                } else {
                    out.write(in[pos + 1]);
                }
                pos += 2;
            } else {
                out.write(b);
                pos++;
            }
        }
        return new String(out.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private void doubleQuoted(ByteArrayOutputStream out) {
        while (in(pos, "a closing \" quote") != '"') {
            byte b = in[pos];
            if (b == '\\' && pos + 1 < in.length && "$`\"\\\n".indexOf(in[pos + 1]) >= 0) {
                if (in[pos + 1] != '\n') {
                    out.write(in[pos + 1]);
                } else {
                    line++;
                }
                pos += 2;
            } else {
                count(b);
                out.write(b);
                pos++;
            }
        }
        pos++;
    }

    /** Bash's {@code $'…'}: \n \t \r \\ \' \" \a \b \e \f \v, \xHH, \NNN octal, \\uHHHH and \\UHHHHHHHH as UTF-8. */
    private void ansiC(ByteArrayOutputStream out) {
        while (in(pos, "a closing ' of $'…'") != '\'') {
            byte b = in[pos++];
            if (b != '\\') {
                count(b);
                out.write(b);
                continue;
            }
            byte e = in(pos++, "an escape after \\");
            switch (e) {
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case 'a' -> out.write(7);
                case 'b' -> out.write('\b');
                case 'e', 'E' -> out.write(27);
                case 'f' -> out.write('\f');
                case 'v' -> out.write(11);
                case 'x' -> out.write(hex(2));
                case 'u' -> writeUtf8(out, hex(4));
                case 'U' -> writeUtf8(out, hex(8));
                default -> {
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        for (int i = 0; i < 2 && pos < in.length && in[pos] >= '0' && in[pos] <= '7'; i++) {
                            value = value * 8 + in[pos++] - '0';
                        }
                        out.write(value);
                    } else if (e == '\\' || e == '\'' || e == '"' || e == '?') {
                        out.write(e);
                    } else {
                        out.write('\\');
                        out.write(e);
                    }
                }
            }
        }
        pos++;
    }

    private int hex(int max) {
        int value = 0;
        int digits = 0;
        while (digits < max && pos < in.length && Character.digit(in[pos], 16) >= 0) {
            value = value * 16 + Character.digit(in[pos++], 16);
            digits++;
        }
        if (digits == 0) {
            throw new CaptureException("line " + line + ": \\x, \\u or \\U without hex digits in a $'…' string");
        }
        return value;
    }

    private static void writeUtf8(ByteArrayOutputStream out, int codePoint) {
        byte[] bytes = new String(Character.toChars(codePoint)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
    }

    private void count(byte b) {
        if (b == '\n') {
            line++;
        }
    }

    private byte in(int at, String expected) {
        if (at >= in.length) {
            throw new CaptureException("line " + line + ": the command ends before " + expected);
        }
        return in[at];
    }
}
