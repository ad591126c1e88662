package io.github.partnerapi.harness.catalogue;

import io.github.partnerapi.harness.catalogue.CaseResult.Exchange;
import io.github.partnerapi.harness.catalogue.CaseResult.Verdict;
import io.github.partnerapi.harness.doctor.Finding;
import io.github.partnerapi.harness.doctor.SentRequest;
import io.github.partnerapi.harness.doctor.SignatureDoctor;
import io.github.partnerapi.harness.signing.KeyFiles;
import io.github.partnerapi.harness.signing.NonceSequences;
import io.github.partnerapi.harness.signing.RequestSigner;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs catalogue cases against one or two targets (a strict one and a sandbox one). A target of
 * unknown mode is probed first with a canary: a request with a bad signature. Thread-safe.
 *
 * <pre>{@code
 * CatalogueRunner runner = new CatalogueRunner(List.of(strictTarget, sandboxTarget), Clock.systemUTC());
 * List<CaseResult> results = runner.run(CaseLoader.load(Path.of("testdata/cases")));
 * }</pre>
 */
public final class CatalogueRunner {

    private final List<CatalogueTarget> targets;
    private final Clock clock;
    private final CaseSender sender = new CaseSender();
    private final Map<CatalogueTarget, String> modes = new ConcurrentHashMap<>();
    /** Signs the {@code signature=other-key} cases; its public half lets the doctor name {@code wrong-key}. */
    private final KeyPair otherKey = KeyFiles.newKeyPair(2048);
    private final RequestSigner otherSigner = RequestSigner.of(otherKey.getPrivate());

    public CatalogueRunner(List<CatalogueTarget> targets, Clock clock) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("at least one target is needed");
        }
        this.targets = List.copyOf(targets);
        this.clock = clock;
    }

    /** Runs every case, in order. */
    public List<CaseResult> run(List<CatalogueCase> cases) {
        List<CaseResult> results = new ArrayList<>();
        for (CatalogueCase c : cases) {
            results.add(run(c));
        }
        return results;
    }

    /** Runs one case on the target its mode needs, or reports it skipped. */
    public CaseResult run(CatalogueCase c) {
        CatalogueTarget target = targetFor(c);
        String mode = target == null ? null : mode(target);
        if (target == null || ("sandbox".equals(c.mode()) && !"sandbox".equals(mode))) {
            return skipped(c, targets.get(0), "needs a target that does not check signatures (sandbox mode); "
                    + "the target checks them");
        }
        if ("sandbox".equals(mode) && c.needsVerifyingTarget() && !"sandbox".equals(c.mode())) {
            return skipped(c, target, "the target does not check signatures (found by the canary), so a case "
                    + "about '" + c.expectedReason() + "' cannot pass or fail there");
        }
        return execute(c, target);
    }

    private CatalogueTarget targetFor(CatalogueCase c) {
        for (CatalogueTarget target : targets) {
            if (c.mode().equals("any") || target.mode() == null || c.mode().equals(target.mode())) {
                return target;
            }
        }
        return null;
    }

    /** The target's mode: as configured, or what the canary finds (strict, sandbox or unreachable). */
    String mode(CatalogueTarget target) {
        return target.mode() != null ? target.mode() : modes.computeIfAbsent(target, this::canary);
    }

    private String canary(CatalogueTarget target) {
        CatalogueCase canary = new CatalogueCase("canary", "a request signed by another key", "GET", "/assets", null,
                null, null, Map.of("signature", "other-key"), 401, "signature");
        Exchange answer = sender.send(CaseRequest.of(canary, target, CaseRequest.timestamp(canary, clock),
                signer(target), otherSigner));
        return answer.status() / 100 == 2 ? "sandbox" : "strict";
    }

    private CaseResult execute(CatalogueCase c, CatalogueTarget target) {
        String freshness = c.setting("freshness", "timestamp");
        if (!freshness.equals("nonce")) {
            return judge(c, target, sendCase(c, target, CaseRequest.timestamp(c, clock)));
        }
        try (NonceSequences.Lease lease = NonceSequences.forApiKey(target.apiKey().value()).lease()) {
            long nonce = lease.next();
            String order = c.setting("nonce", "next");
            if (!order.equals("next")) {
                CatalogueCase warmUp = new CatalogueCase(c.name() + "-warm-up", "", "GET", "/assets", null, null, null,
                        Map.of("freshness", "nonce"), 200, null);
                sender.send(CaseRequest.of(warmUp, target, Long.toString(nonce), signer(target), otherSigner));
            }
            long value = order.equals("reuse") ? nonce : order.equals("decrease") ? nonce - 1 : nonce;
            return judge(c, target, sendCase(c, target, Long.toString(value)));
        }
    }

    private Sent sendCase(CatalogueCase c, CatalogueTarget target, String freshness) {
        CaseRequest request = CaseRequest.of(c, target, freshness, signer(target), otherSigner);
        return new Sent(request, freshness, sender.send(request));
    }

    private record Sent(CaseRequest request, String freshness, Exchange exchange) {
    }

    private CaseResult judge(CatalogueCase c, CatalogueTarget target, Sent sent) {
        Exchange exchange = sent.exchange();
        if (exchange.status() == 0) {
            return new CaseResult(c.name(), c.description(), target.name(), c.expected(), "unreachable", Verdict.FAILED,
                    "target unreachable: " + exchange.response(), exchange, null);
        }
        String reason = Responses.reason(exchange.response());
        String got = exchange.status() + (reason == null ? "" : " " + reason);
        boolean statusMatches = exchange.status() == c.expectedStatus();
        boolean reasonMatches = c.expectedReason() == null || c.expectedReason().equals(reason);
        Finding finding = exchange.status() == 401 ? diagnose(target, sent) : null;
        if (!statusMatches || !reasonMatches) {
            String hint = "nonce".equals(reason) && sent.request().headers.containsKey("x-nonce")
                    ? "; " + NonceSequences.rejectedNonceHint() : "";
            return new CaseResult(c.name(), c.description(), target.name(), c.expected(), got, Verdict.FAILED,
                    "expected " + c.expected() + " but got " + got + hint, exchange, finding);
        }
        String causeProblem = causeProblem(c, finding);
        return new CaseResult(c.name(), c.description(), target.name(), c.expected(), got,
                causeProblem.isEmpty() ? Verdict.PASSED : Verdict.FAILED, causeProblem, exchange, finding);
    }

    /** Empty when no cause is expected, the doctor could not run (no public key), or it named the expected one. */
    private static String causeProblem(CatalogueCase c, Finding finding) {
        if (c.expectedCause() == null || finding == null || finding.cause().code().equals(c.expectedCause())) {
            return "";
        }
        return "expected the signature doctor to name " + c.expectedCause() + " but it named " + finding.cause().code();
    }

    private Finding diagnose(CatalogueTarget target, Sent sent) {
        String xSign = sent.request().headers.get("x-sign");
        if (target.publicKey() == null || xSign == null) {
            return null;
        }
        String header = sent.request().headers.containsKey("x-nonce") ? "x-nonce" : "x-timestamp";
        return SignatureDoctor.builder(target.publicKey()).otherPublicKey(otherKey.getPublic()).build().diagnose(new SentRequest(header, sent.freshness(),
                sent.request().url, sent.request().body, xSign));
    }

    private static CaseResult skipped(CatalogueCase c, CatalogueTarget target, String why) {
        return new CaseResult(c.name(), c.description(), target.name(), c.expected(), "-", Verdict.SKIPPED, why, null, null);
    }

    private final Map<CatalogueTarget, RequestSigner> signers = new ConcurrentHashMap<>();

    private RequestSigner signer(CatalogueTarget target) {
        return signers.computeIfAbsent(target, t -> RequestSigner.of(t.privateKey(), clock));
    }
}
