package io.github.partnerapi.harness.stub;

/**
 * What the in-memory API may hold, by count and by estimated bytes (see {@link Sizes}). The
 * defaults, with the journal's, fit a stub started with {@code -Xmx256m}.
 *
 * @param maxCompanies companies kept; beyond it, or beyond {@code storeBytes}, the oldest is evicted
 * @param storeBytes estimated bytes of all companies and everything they hold
 * @param companyBytes estimated bytes one company may hold; a write beyond it is a 400
 * @param perCollection items one collection may hold (a company's trusted parties, funds,
 *     transactions, swaps; a fund's wallets or whitelist); one more is a 400
 * @param indexBytes estimated bytes of the company-name search index; beyond it the oldest companies go
 * @param maxCoreClients core clients kept (each with at most {@code perCollection} actions and sweeps)
 * @param initialBalance what every new wallet starts with, in the asset's smallest unit
 */
record StoreLimits(int maxCompanies, long storeBytes, long companyBytes, int perCollection, long indexBytes,
        int maxCoreClients, long initialBalance) {

    static final long MIB = 1024L * 1024;

    static StoreLimits defaults() {
        return new StoreLimits(10_000, 48 * MIB, 4 * MIB, 10_000, 24 * MIB, 1_000, 100_000_000L);
    }

    StoreLimits withMaxCompanies(int value) {
        return new StoreLimits(value, storeBytes, companyBytes, perCollection, indexBytes, maxCoreClients, initialBalance);
    }

    StoreLimits withStoreBytes(long value) {
        return new StoreLimits(maxCompanies, value, companyBytes, perCollection, indexBytes, maxCoreClients, initialBalance);
    }

    StoreLimits withCompanyBytes(long value) {
        return new StoreLimits(maxCompanies, storeBytes, value, perCollection, indexBytes, maxCoreClients, initialBalance);
    }

    StoreLimits withIndexBytes(long value) {
        return new StoreLimits(maxCompanies, storeBytes, companyBytes, perCollection, value, maxCoreClients, initialBalance);
    }

    StoreLimits withInitialBalance(long value) {
        return new StoreLimits(maxCompanies, storeBytes, companyBytes, perCollection, indexBytes, maxCoreClients, value);
    }

    StoreLimits withPerCollection(int value) {
        return new StoreLimits(maxCompanies, storeBytes, companyBytes, value, indexBytes, maxCoreClients, initialBalance);
    }
}
