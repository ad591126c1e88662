package io.github.partnerapi.harness.stub;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** TLS for https upstreams: the JVM's trust store plus the private CAs given; host names are checked. */
final class UpstreamTls {

    private UpstreamTls() {
    }

    /** Null (the JVM default) when there is no extra CA. */
    static SSLContext context(List<X509Certificate> extraCas) {
        if (extraCas.isEmpty()) {
            return null;
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (X509Certificate ca : jvmDefaults()) {
                store.setCertificateEntry("jvm-" + n++, ca);
            }
            for (X509Certificate ca : extraCas) {
                store.setCertificateEntry("upstream-ca-" + n++, ca);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS for the upstream: " + e.getMessage(), e);
        }
    }

    /** The certificates in a PEM file; an error naming the file when there is none. */
    static List<X509Certificate> readPem(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file (expected a PEM CA certificate)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509").generateCertificates(in);
            List<X509Certificate> out = new ArrayList<>();
            read.forEach(c -> out.add((X509Certificate) c));
            if (out.isEmpty()) {
                throw new IllegalArgumentException(file + ": no certificate in it (expected -----BEGIN CERTIFICATE-----)");
            }
            return out;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(file + ": not a PEM certificate (expected -----BEGIN CERTIFICATE-----): "
                    + e.getMessage());
        }
    }

    private static List<X509Certificate> jvmDefaults() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        List<X509Certificate> out = new ArrayList<>();
        for (javax.net.ssl.TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager) {
                out.addAll(List.of(((X509TrustManager) manager).getAcceptedIssuers()));
            }
        }
        return out;
    }
}
