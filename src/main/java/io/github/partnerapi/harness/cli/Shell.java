package io.github.partnerapi.harness.cli;

import java.util.regex.Pattern;

/** Words of a printed command, quoted so that sh, bash, dash and zsh all read them back unchanged. */
final class Shell {

    /** Characters no POSIX shell (nor zsh's globbing, which also expands {@code ?}, {@code [} and {@code ^}) treats specially. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private Shell() {
    }

    /** The text as one shell word: as is when that is safe, else in single quotes. */
    static String word(String text) {
        return PLAIN.matcher(text).matches() ? text : Curl.quote(text);
    }

    /** The texts as shell words separated by spaces. */
    static String words(String... texts) {
        StringBuilder line = new StringBuilder();
        for (String text : texts) {
            line.append(line.length() == 0 ? "" : " ").append(word(text));
        }
        return line.toString();
    }
}
