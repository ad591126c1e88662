package io.github.partnerapi.harness.cli;

import io.github.partnerapi.harness.signing.RequestSigner;
import io.github.partnerapi.harness.stub.StubCredentials;
import io.github.partnerapi.harness.stub.VerifierStub;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load on a stub: keep-alive connections replaying pre-signed requests (timestamp
 * replays are valid inside the window, so no signing on the client's hot path), a share of them
 * tampered after signing. Counts wrong verdicts: a valid request not answered 200, a tampered one
 * not answered 401 in strict mode.
 */
final class StubLoad {

    /** One pre-built request and the status it must get. */
    private record Prepared(byte[] bytes, int expected) {
    }

    /** What a run measured. */
    record Result(long requests, double seconds, long p50Micros, long p99Micros, long wrongVerdicts, long errors) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private StubLoad() {
    }

    static Result run(VerifierStub stub, StubCredentials credentials, boolean strict, int connections, int seconds,
            int tamperEvery) throws Exception {
        List<Prepared> requests = prepare(stub, credentials, strict, tamperEvery);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong wrong = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<long[]>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            int offset = c;
            futures.add(pool.submit(() -> connection(stub.port(), requests, offset, deadline, wrong, errors)));
        }
        List<long[]> latencies = new ArrayList<>();
        for (Future<long[]> future : futures) {
            latencies.add(future.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdownNow();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all.length, elapsed, percentile(all, 0.50), percentile(all, 0.99), wrong.get(), errors.get());
    }

    private static long[] connection(int port, List<Prepared> requests, int offset, long deadline, AtomicLong wrong,
            AtomicLong errors) {
        long[] latencies = new long[1 << 16];
        int n = 0;
        int i = offset;
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setTcpNoDelay(true);
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream());
                while (System.nanoTime() < deadline) {
                    Prepared request = requests.get(i++ % requests.size());
                    long sent = System.nanoTime();
                    out.write(request.bytes());
                    out.flush();
                    int status = readResponse(in);
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = (System.nanoTime() - sent) / 1000;
                    if (status != request.expected()) {
                        wrong.incrementAndGet();
                    }
                }
            } catch (IOException e) {
                errors.incrementAndGet();
            }
        }
        return Arrays.copyOf(latencies, n);
    }

    private static List<Prepared> prepare(VerifierStub stub, StubCredentials credentials, boolean strict, int tamperEvery) {
        RequestSigner signer = RequestSigner.of(credentials.keyPair().getPrivate());
        String authority = "127.0.0.1:" + stub.port();
        List<Prepared> requests = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            boolean post = i % 2 == 0;
            String target = post ? "/api/v1/p/company" : "/api/v1/p/company/search?query=probe-" + (i % 16);
            byte[] body = post ? ("{\"name\":\"load-" + i + "\",\"city\":\"Paris\"}").getBytes(StandardCharsets.UTF_8)
                    : new byte[0];
            String ts = signer.timestamp();
            String xSign = signer.sign(ts, "http://" + authority + target, body);
            boolean tamper = post && tamperEvery > 0 && (i / 2) % tamperEvery == tamperEvery - 1;
            byte[] sent = tamper ? ("{\"name\":\"tampered-" + i + "\",\"city\":\"Paris\"}").getBytes(StandardCharsets.UTF_8)
                    : body;
            String head = (post ? "POST " : "GET ") + target + " HTTP/1.1\r\nHost: " + authority + "\r\nx-api-key: "
                    + credentials.apiKey().value() + "\r\nx-timestamp: " + ts + "\r\nx-sign: " + xSign + "\r\n"
                    + (post ? "Content-Type: application/json\r\nContent-Length: " + sent.length + "\r\n" : "") + "\r\n";
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
            bytes.writeBytes(sent);
            requests.add(new Prepared(bytes.toByteArray(), tamper && strict ? 401 : 200));
        }
        return requests;
    }

    /** Reads one response and returns its status; the body is read by Content-Length and dropped. */
    private static int readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed");
            }
            head.append((char) b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
        }
        String text = head.toString();
        int status = Integer.parseInt(text.substring(9, 12));
        int at = text.toLowerCase(java.util.Locale.ROOT).indexOf("content-length:");
        int length = at < 0 ? 0 : Integer.parseInt(text.substring(at + 15, text.indexOf('\r', at)).trim());
        in.readNBytes(length);
        return status;
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
