package io.github.partnerapi.harness.bench;

import com.sun.management.OperatingSystemMXBean;
import io.github.partnerapi.harness.doctor.SentRequest;
import io.github.partnerapi.harness.doctor.SignatureDoctor;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The doctor's cost on a 1 MiB body as CPU time of the whole process, beside wall-clock time. On two
 * cores shared with other builds, wall-clock time measures the neighbours; CPU time divided by the
 * cores is what an idle 2-core machine would take at best. The scenarios are {@link DoctorBenchmark}'s,
 * run in alternating rounds; medians are printed.
 *
 * <pre>
 * mvn -B -Pbench test-compile -Dbench.main=io.github.partnerapi.harness.bench.DoctorCpuCost -Dbench.args="7"
 * </pre>
 */
public final class DoctorCpuCost {

    private DoctorCpuCost() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        DoctorBenchmark bench = new DoctorBenchmark();
        bench.setUp();
        SignatureDoctor doctor = bench.doctor;
        Map<String, SentRequest> arms = Map.of("every hypothesis (unknown)", bench.unknown,
                "timestamp 25 s off", bench.staleBy25Seconds, "curl -d of a pretty file", bench.newlinesRemoved);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, List<double[]>> samples = new java.util.TreeMap<>();
        for (int round = -2; round < rounds; round++) {
            for (Map.Entry<String, SentRequest> arm : arms.entrySet()) {
                long cpu = os.getProcessCpuTime();
                long wall = System.nanoTime();
                doctor.diagnose(arm.getValue());
                double[] sample = {(os.getProcessCpuTime() - cpu) / 1e6, (System.nanoTime() - wall) / 1e6};
                if (round >= 0) {
                    samples.computeIfAbsent(arm.getKey(), k -> new ArrayList<>()).add(sample);
                }
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "%d cores, %d rounds, medians%n", cores, rounds);
        samples.forEach((name, list) -> System.out.printf(Locale.ROOT, "%-28s cpu %7.0f ms  cpu/%d %6.0f ms  wall %7.0f ms%n",
                name, median(list, 0), cores, median(list, 0) / cores, median(list, 1)));
    }

    private static double median(List<double[]> list, int index) {
        List<Double> values = new ArrayList<>();
        list.forEach(s -> values.add(s[index]));
        Collections.sort(values);
        return values.get(values.size() / 2);
    }
}
