package io.github.partnerapi.harness.bench;

import static io.restassured.RestAssured.given;

import io.github.partnerapi.harness.restassured.PartnerApiSigningFilter;
import io.github.partnerapi.harness.signing.PemKeys;
import io.github.partnerapi.harness.signing.RequestSigner;
import io.github.partnerapi.harness.testing.TestData;
import io.restassured.filter.Filter;
import io.restassured.http.Header;
import io.restassured.http.Headers;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * The filter's own cost in CPU time of the calling thread, where REST Assured, the filter and the
 * HTTP client all run (the server answers on its own threads). On two shared cores, wall-clock time
 * (JMH's {@link FilterBenchmark}) varies by more than the filter costs; the calling thread's CPU time
 * does not count time spent waiting for the server or for a core.
 *
 * <p>Rounds alternate six arms so that drift in the machine's speed reaches all alike; medians are
 * reported. Besides without and with the filter and the signature alone (same URL and body), a
 * filter that does nothing measures what REST Assured charges for any filter, and a
 * stand-in filter that does only what REST Assured makes any signing filter pay for (being a filter,
 * reading the URL with {@code getURI()}, putting three headers of the same sizes on the request)
 * splits the overhead into REST Assured's part and the filter's own code. Run: {@code mvn -B -Pbench test-compile -Dbench.main=io.github.partnerapi.harness.bench.FilterCpuCost
 * -Dbench.args="30 400"} (rounds, requests per arm and round).
 */
public final class FilterCpuCost {

    private static final String BODY = "{\"name\":\"ACME\"}";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Where the arms' results go, so that the JIT cannot drop the work that made them. */
    static volatile int sink;

    private final String base;
    private final PartnerApiSigningFilter filter;
    private final RequestSigner signer;
    private final Filter standIn;
    private final Filter doesNothing = (req, res, ctx) -> ctx.next(req, res);

    private FilterCpuCost(String base) {
        this.base = base;
        this.filter = PartnerApiSigningFilter.builder().apiKey("YmVuY2gta2V5").privateKey(TestData.pkcs1Key()).build();
        this.signer = RequestSigner.of(PemKeys.readPrivateKey(TestData.pkcs1Key(), null));
        String xSign = signer.sign(signer.timestamp(), base + "/api/v1/p/company", BODY.getBytes(StandardCharsets.UTF_8));
        this.standIn = (req, res, ctx) -> {
            req.getURI();
            List<Header> headers = new ArrayList<>(req.getHeaders().asList());
            headers.add(new Header("x-api-key", "YmVuY2gta2V5"));
            headers.add(new Header("x-timestamp", signer.timestamp()));
            headers.add(new Header("x-sign", xSign));
            req.replaceHeaders(new Headers(headers));
            return ctx.next(req, res);
        };
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        try (ImmediateServer server = new ImmediateServer(2)) {
            new FilterCpuCost(server.baseUri()).run(rounds, requests);
        }
    }

    private void run(int rounds, int requests) {
        for (int i = 0; i < 5; i++) {
            measure(requests);
        }
        List<Double> without = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        List<Double> standIns = new ArrayList<>();
        List<Double> nothing = new ArrayList<>();
        List<Double> signature = new ArrayList<>();
        List<Double> inSitu = new ArrayList<>();
        List<Double> beyond = new ArrayList<>();
        List<Double> restAssured = new ArrayList<>();
        List<Double> anyFilter = new ArrayList<>();
        List<Double> own = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            double[] arms = measure(requests);
            without.add(arms[0]);
            with.add(arms[1]);
            standIns.add(arms[2]);
            signature.add(arms[3]);
            inSitu.add(arms[4] - arms[0]);
            beyond.add(arms[1] - arms[0] - arms[3]);
            restAssured.add(arms[2] - arms[0]);
            own.add(arms[1] - arms[2] - (arms[4] - arms[0]));
            nothing.add(arms[5]);
            anyFilter.add(arms[5] - arms[0]);
        }
        double sig = median(signature);
        System.out.printf(Locale.ROOT, "calling-thread CPU µs per request, median of %d rounds x %d requests%n", rounds, requests);
        line("REST Assured POST without the filter", without, sig, false);
        line("REST Assured POST with the filter", with, sig, false);
        line("  with the stand-in filter instead", standIns, sig, false);
        line("  with a filter that does nothing instead", nothing, sig, false);
        line("the signature alone", signature, sig, false);
        line("the signature next to a request (sign, then send without)", inSitu, sig, false);
        line("filter beyond the signature", beyond, sig, true);
        line("  REST Assured's part (stand-in - without)", restAssured, sig, true);
        line("    of which any filter at all (does nothing - without)", anyFilter, sig, true);
        line("  the filter's own code (with - stand-in - signature next to a request)", own, sig, true);
    }

    private static void line(String what, List<Double> values, double signature, boolean share) {
        double median = median(values);
        System.out.printf(Locale.ROOT, "  %-54s %8.1f", what, median);
        if (share) {
            System.out.printf(Locale.ROOT, "  %5.1f %% of the signature (quartiles %.1f to %.1f)", 100 * median / signature,
                    quartile(values, 1), quartile(values, 3));
        }
        System.out.println();
    }

    /**
     * One round: CPU µs per request for without, with, the stand-in, the signature alone, sign then
     * send without the filter (a signature costs more between two requests than in a tight loop:
     * REST Assured has evicted its tables from the caches), and with a filter that only calls on
     * (REST Assured builds a new filter context, re-deriving the URI in Groovy, for every filter).
     */
    private double[] measure(int requests) {
        return new double[] {
            cpuMicros(requests, () -> given().baseUri(base).contentType("application/json").body(BODY)
                    .post("/api/v1/p/company").statusCode()),
            cpuMicros(requests, () -> given().baseUri(base).filter(filter).contentType("application/json").body(BODY)
                    .post("/api/v1/p/company").statusCode()),
            cpuMicros(requests, () -> given().baseUri(base).filter(standIn).contentType("application/json").body(BODY)
                    .post("/api/v1/p/company").statusCode()),
            cpuMicros(requests, () -> signer.sign(signer.timestamp(), base + "/api/v1/p/company",
                    BODY.getBytes(StandardCharsets.UTF_8)).length()),
            cpuMicros(requests, () -> signer.sign(signer.timestamp(), base + "/api/v1/p/company",
                    BODY.getBytes(StandardCharsets.UTF_8)).length() + given().baseUri(base).contentType("application/json")
                    .body(BODY).post("/api/v1/p/company").statusCode()),
            cpuMicros(requests, () -> given().baseUri(base).filter(doesNothing).contentType("application/json").body(BODY)
                    .post("/api/v1/p/company").statusCode()),
        };
    }

    private static double cpuMicros(int requests, IntSupplier call) {
        int results = 0;
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < requests; i++) {
            results += call.getAsInt();
        }
        long nanos = THREADS.getCurrentThreadCpuTime() - start;
        sink = results;
        return nanos / 1000.0 / requests;
    }

    private static double median(List<Double> values) {
        return quartile(values, 2);
    }

    private static double quartile(List<Double> values, int quarter) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * quarter / 4));
    }
}
