package io.github.partnerapi.harness.stub;

import com.atlassian.oai.validator.schema.SwaggerV20Library;
import com.github.fge.jsonschema.cfg.ValidationConfiguration;
import com.github.fge.jsonschema.core.report.ListReportProvider;
import com.github.fge.jsonschema.core.report.LogLevel;
import com.github.fge.jsonschema.main.JsonSchemaFactory;
import com.github.fge.msgsimple.bundle.MessageBundle;
import com.github.fge.msgsimple.load.MessageBundles;
import com.github.fge.msgsimple.source.PropertiesMessageSource;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON Schema factory Atlassian's validator uses by default ({@link SwaggerV20Library#schemaFactory()}),
 * with the same validation messages read once for every locale.
 *
 * <p>Why: the default bundle looks the messages up per locale on every schema check (each check
 * reads one message), and for a locale it has no file for ({@code en}, {@code en_US}: the libraries
 * ship only the root files) it throws and catches an exception per lookup, under a lock shared by
 * every thread. Filling in those exceptions' stack traces inside a server's deep call stack made a
 * query parameter's check cost twice as much. The texts are the same: only root files exist.
 */
final class SchemaFactory {

    private static final String FGE_MESSAGES = "/com/github/fge/jsonschema/validator/validation.properties";
    private static final String OPENAPI_MESSAGES = "/swagger/validation/schema-validation.properties";

    private SchemaFactory() {
    }

    static JsonSchemaFactory create() {
        return JsonSchemaFactory.newBuilder()
                .setValidationConfiguration(ValidationConfiguration.newBuilder()
                        .setDefaultLibrary(SwaggerV20Library.OAI_V2_METASCHEMA_URI, SwaggerV20Library.get())
                        .setSyntaxMessages(MessageBundles.getBundle(SwaggerV20Library.SyntaxBundle.class))
                        .setValidationMessages(validationMessages())
                        .freeze())
                .setReportProvider(new ListReportProvider(LogLevel.ERROR, LogLevel.FATAL))
                .freeze();
    }

    private static MessageBundle validationMessages() {
        try {
            return MessageBundle.newBuilder()
                    .appendSource(PropertiesMessageSource.fromResource(FGE_MESSAGES))
                    .appendSource(PropertiesMessageSource.fromResource(OPENAPI_MESSAGES))
                    .freeze();
        } catch (IOException e) {
            throw new UncheckedIOException("the validator's messages are missing from the class path", e);
        }
    }
}
