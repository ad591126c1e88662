package io.github.partnerapi.harness.testing;

import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what Allure writes in memory: the test results and the attachments' bytes by source name. */
public final class AllureMemory implements AllureResultsWriter {

    public final List<TestResult> results = new CopyOnWriteArrayList<>();
    public final Map<String, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public void write(TestResult result) {
        results.add(result);
    }

    @Override
    public void write(TestResultContainer container) {
    }

    @Override
    public void write(String source, InputStream content) {
        try (content) {
            files.put(source, content.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
