package io.github.partnerapi.harness.stub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

class UpstreamExchangeTest {

    private final List<String> heard = new ArrayList<>();
    private final UpstreamExchange exchange = new UpstreamExchange(new ByteBuffer[] {
            ascii("GET /api/v1/p/assets HTTP/1.1\r\n\r\n"), ascii("")}, false, new Upstream.Answer() {
                @Override
                public void onHeaders(int status, HttpFields headers) {
                    heard.add("headers " + status);
                }

                @Override
                public void onContent(ByteBuffer piece, Callback demand) {
                    heard.add("content");
                }

                @Override
                public void onSuccess() {
                    heard.add("success");
                }

                @Override
                public void onFailure(Throwable failure) {
                    heard.add("failure " + failure.getMessage());
                }
            });

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String text(ByteBuffer[] buffers) {
        StringBuilder text = new StringBuilder();
        for (ByteBuffer buffer : buffers) {
            text.append(StandardCharsets.US_ASCII.decode(buffer.duplicate()));
        }
        return text.toString();
    }

    @Test
    void aRetrySendsTheWholeRequestWhileTheFailedConnectionsWriteStillConsumesItsOwnBytes() {
        ByteBuffer[] first = exchange.requestBuffers();
        first[0].position(10); // the failed connection's write, part way
        assertThat(exchange.retry(2)).isTrue();

        ByteBuffer[] again = exchange.requestBuffers();
        first[0].position(first[0].limit()); // and it goes on after the retry began

        assertThat(text(again)).isEqualTo("GET /api/v1/p/assets HTTP/1.1\r\n\r\n");
    }

    @Test
    void retriesAreBoundedAndNoneAfterTheExchangeEnded() {
        assertThat(exchange.retry(2)).isTrue();
        assertThat(exchange.retry(2)).isTrue();
        assertThat(exchange.retry(2)).isFalse();
    }

    @Test
    void anExchangeEndsOnceAndIsNotSentAgainAfterwards() {
        exchange.succeed();
        exchange.fail(new IllegalStateException("late"));
        exchange.succeed();

        assertThat(heard).containsExactly("success");
        assertThat(exchange.retry(2)).isFalse();
    }
}
