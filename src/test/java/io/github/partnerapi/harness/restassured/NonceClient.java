package io.github.partnerapi.harness.restassured;

import static io.restassured.RestAssured.given;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A process of its own for {@link NonceAcrossProcessesIT}: {@code BASE_URI KEY_DIR REQUESTS THREADS}
 * sends one signed GET in nonce mode, prints {@code ready}, waits for a line on standard input, then
 * sends that many more from that many threads and prints {@code ok=N rejected=M from=MS to=MS}.
 */
public final class NonceClient {

    private NonceClient() {
    }

    public static void main(String[] args) throws Exception {
        String baseUri = args[0];
        Path keys = Path.of(args[1]);
        int requests = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        PartnerApiSigningFilter filter = PartnerApiSigningFilter.builder().apiKeyFile(keys.resolve("apikey"))
                .privateKey(keys.resolve("private.pem")).nonces().build();
        given().baseUri(baseUri).filter(filter).get("/assets").then().statusCode(200);
        System.out.println("ready");
        System.out.flush();
        if (System.in.read() < 0) {
            return; // the test is gone
        }
        long from = System.currentTimeMillis();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                while (next.getAndIncrement() < requests) {
                    int status = given().baseUri(baseUri).filter(filter).get("/assets").statusCode();
                    (status == 200 ? ok : rejected).incrementAndGet();
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        System.out.println("ok=" + ok + " rejected=" + rejected + " from=" + from + " to=" + System.currentTimeMillis());
    }
}
