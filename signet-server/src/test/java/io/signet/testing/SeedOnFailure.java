package io.signet.testing;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.FalsifiedSample;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Puts the seed and the first failing input of a failed property into the failure itself. jqwik prints them in
 * its own report, but the build sends test output to {@code target/failsafe-reports/*-output.txt}, so a CI log
 * showed only the exception: a fuzz failure could not be replayed ({@code @Property(seed = "...")}). Registered
 * for every property of every module that has this test jar (META-INF/services/net.jqwik.api.lifecycle.LifecycleHook).
 */
public final class SeedOnFailure implements AroundPropertyHook {
    /** On a test class, the hook reaches its properties only when it says so. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        PropertyExecutionResult result = property.execute();
        if (result.status() != PropertyExecutionResult.Status.FAILED) {
            return result;
        }
        String input = result.originalSample().map(FalsifiedSample::parameters).map(String::valueOf).orElse("?");
        String message = context.extendedLabel() + " failed with seed "
                + result.seed().orElse("?") + " (replay: @Property(seed = \"" + result.seed().orElse("?")
                + "\")) after " + result.countTries() + " tries; first failing input: " + input;
        return result.mapToFailed(new AssertionError(message, result.throwable().orElse(null)));
    }
}
