package io.github.partnerapi.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StubCommandTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            --mode=loose          | --mode: stub mode must be strict or sandbox, got 'loose'
            --threads=0           | --threads: threads must be 1 to 1024, got 0
            --max-companies=0     | --max-companies: maxCompanies must be at least 1, got 0
            --max-companies=many  | Invalid value for option '--max-companies': 'many' is not an int
            --store-bytes=lots    | --store-bytes: a size in bytes was expected, like 65536, 64k or 48m; got 'lots'
            --store-bytes=1k      | --store-bytes: storeBytes must be at least 65536 bytes, got 1024
            --company-bytes=12    | --company-bytes: companyBytes must be at least 4096 bytes, got 12
            --initial-balance=-1  | --initial-balance: initialWalletBalance must not be negative, got -1
            """)
    void badOptionsAreNamedBeforeAnythingStarts(String option, String message) {
        CliRun run = CliRun.run("stub", option);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(message).doesNotContain("Exception", "\tat ");
        assertThat(run.out()).doesNotContain("listening on");
    }
}
