package io.github.partnerapi.harness.stub;

import java.util.Collection;
import java.util.Map;

/**
 * A deliberately generous estimate of the heap a stored value takes (object headers, references,
 * UTF-16 worst case for text), so that the byte budgets hold for the real heap, not just the JSON.
 */
final class Sizes {

    private Sizes() {
    }

    static long of(Object value) {
        if (value == null) {
            return 8;
        }
        if (value instanceof CharSequence text) {
            return 48 + 2L * text.length();
        }
        if (value instanceof Map<?, ?> map) {
            long total = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                total += 40 + of(entry.getKey()) + of(entry.getValue());
            }
            return total;
        }
        if (value instanceof Collection<?> list) {
            long total = 40;
            for (Object item : list) {
                total += 8 + of(item);
            }
            return total;
        }
        return 24;
    }
}
