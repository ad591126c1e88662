package io.github.partnerapi.harness.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = PartnerApiCli.class.getPackage().getImplementationVersion();
        return new String[] {"partnerapi-harness " + (version == null ? "(development build)" : version)};
    }
}
