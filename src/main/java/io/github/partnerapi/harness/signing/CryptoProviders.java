package io.github.partnerapi.harness.signing;

import java.lang.reflect.Field;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import java.util.Locale;
import java.util.Optional;

/**
 * Where {@code SHA256withRSA} comes from: the Amazon Corretto Crypto Provider when it is on the
 * class path and loads on this platform (it reaches OpenSSL's speed), else the JDK's provider,
 * silently. The system property {@code partnerapi.crypto.provider} forces a choice: {@code jdk},
 * {@code corretto}, or the name of any installed JCA provider. The provider is never installed
 * globally. RSASSA-PKCS1-v1_5 is deterministic, so every provider gives the same signatures.
 *
 * <pre>{@code
 * java -Dpartnerapi.crypto.provider=jdk -jar partnerapi-harness.jar sign ...
 * }</pre>
 */
public final class CryptoProviders {

    static final String ALGORITHM = "SHA256withRSA";
    /** The system property that chooses the provider. */
    public static final String PROPERTY = "partnerapi.crypto.provider";
    private static final String CORRETTO = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";

    private static final Provider SELECTED = select(System.getProperty(PROPERTY));

    private CryptoProviders() {
    }

    /** The provider in use, or null for the JDK's default provider lookup. */
    public static Provider selected() {
        return SELECTED;
    }

    /** A name for reports: the provider's name and version, or "JDK default". */
    public static String describe() {
        return SELECTED == null ? "JDK default (" + defaultProviderName() + ")" : SELECTED.getName() + " " + SELECTED.getVersionStr();
    }

    static Signature signature() throws NoSuchAlgorithmException {
        return SELECTED == null ? Signature.getInstance(ALGORITHM) : Signature.getInstance(ALGORITHM, SELECTED);
    }

    /** Chooses a provider for a {@code partnerapi.crypto.provider} value (null: automatic). */
    static Provider select(String choice) {
        if (choice == null || choice.isBlank() || choice.equalsIgnoreCase("auto")) {
            return corretto().orElse(null);
        }
        String wanted = choice.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("jdk")) {
            return null;
        }
        if (wanted.equals("corretto") || wanted.equals("accp")) {
            return corretto().orElseThrow(() -> new IllegalStateException(PROPERTY + "=" + choice
                    + ": the Amazon Corretto Crypto Provider is not on the class path or does not load on this platform "
                    + "(add software.amazon.cryptools:AmazonCorrettoCryptoProvider with classifier linux-x86_64)"));
        }
        Provider installed = Security.getProvider(choice.strip());
        if (installed == null) {
            throw new IllegalStateException(PROPERTY + "=" + choice + ": no such JCA provider; expected jdk, corretto "
                    + "or the name of an installed provider");
        }
        return installed;
    }

    /** The Corretto provider when its class is present and its native library loaded. */
    static Optional<Provider> corretto() {
        try {
            Class<?> type = Class.forName(CORRETTO);
            Field instance = type.getField("INSTANCE");
            Provider provider = (Provider) instance.get(null);
            Object loadingError = type.getMethod("getLoadingError").invoke(provider);
            return loadingError == null ? Optional.of(provider) : Optional.empty();
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static String defaultProviderName() {
        try {
            return Signature.getInstance(ALGORITHM).getProvider().getName();
        } catch (NoSuchAlgorithmException e) {
            return "none";
        }
    }
}
