package io.parley.draft;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What OpenNLP reads by name when it loads the sentence model, registered for the native
 * executable: the model's manifest names its factory ({@code factory=opennlp.tools.sentdetect.SentenceDetectorFactory}),
 * which {@code ExtensionLoader} creates with {@code Class.forName(...).getConstructor().newInstance()}.
 * The model itself is a resource ({@code quarkus.native.resources.includes}).
 */
@RegisterForReflection(targets = opennlp.tools.sentdetect.SentenceDetectorFactory.class)
final class OpenNlpRegistrations {

    private OpenNlpRegistrations() {
    }
}
