package io.github.partnerapi.harness.stub;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU time a POST /company costs the store and the journal, without a server: {@link CompanyStore#create}
 * on a full store (every create evicts the oldest company), names shaped like bench/wrk-stub.sh's
 * ({@code wrk-company-0} to {@code -15}, or all distinct with {@code unique}), and {@link RequestJournal#add}
 * of an entry like the stub's for that request. Measured as this thread's CPU time (steady on a shared
 * machine, unlike wall time).
 *
 * <pre>{@code
 * mvn -B -o -Pbench test-compile -Dbench.main=io.github.partnerapi.harness.stub.CompanyStoreCpuCost -Dbench.args="200000 3"
 * }</pre>
 */
public final class CompanyStoreCpuCost {

    private CompanyStoreCpuCost() {
    }

    public static void main(String[] args) {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            for (boolean unique : new boolean[] {false, true}) {
                CompanyStore store = new CompanyStore(StoreLimits.defaults());
                long n = 0;
                for (int i = 0; i < StoreLimits.defaults().maxCompanies() + calls / 2; i++) {
                    store.create(fields(n++, unique)); // fill, and warm up
                }
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    store.create(fields(n++, unique));
                }
                double micros = (threads.getCurrentThreadCpuTime() - start) / 1000.0 / calls;
                System.out.printf("round %d create (%s names) %6.2f us CPU, %d kept, index %d KiB%n", round,
                        unique ? "unique" : "16", micros, store.size(), store.indexBytes() / 1024);
            }
            RequestJournal journal = new RequestJournal(200, RequestJournal.DEFAULT_BYTES);
            for (int i = 0; i < calls; i++) {
                journal.add(journal.nextSequence(), entry(i));
            }
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) {
                journal.add(journal.nextSequence(), entry(i));
            }
            double micros = (threads.getCurrentThreadCpuTime() - start) / 1000.0 / calls;
            System.out.printf("round %d journal add %6.2f us CPU%n", round, micros);
        }
    }

    private static Map<String, Object> fields(long n, boolean unique) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", "wrk-company-" + (unique ? n : n % 16));
        fields.put("domain", "wrk.example");
        fields.put("ref", "");
        return fields;
    }

    private static JournalEntry entry(int i) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", "127.0.0.1:18182");
        headers.put("x-api-key", "wrk-…(28)");
        headers.put("x-timestamp", "1764512345");
        headers.put("x-sign", "Qm9ndXMtc2lnbmF0dXJlLWZvci10aGUtam91cm5hbC1jb3N0LW9ubHktMDEyMzQ1Njc4OWFiY2RlZi"
                + "0xMjM0NTY3ODlhYmNkZWYwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWYwMTIzNDU2");
        headers.put("content-type", "application/json");
        headers.put("content-length", "46");
        byte[] body = ("{\"name\":\"wrk-company-" + (i % 16) + "\",\"domain\":\"wrk.example\"}").getBytes();
        return new JournalEntry("POST", "https://api.qredo.network/api/v1/p/company", headers,
                RequestJournal.bodyText(body), body.length, 200, "accepted", null);
    }
}
