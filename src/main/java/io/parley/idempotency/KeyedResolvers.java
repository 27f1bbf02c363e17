package io.parley.idempotency;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.parley.common.GraphQLBoundary;

/**
 * Runs a resolver of a keyed write in the write's {@link KeyedTransaction}, on whichever worker
 * thread SmallRye calls it: the service's {@code @Transactional} then joins that transaction
 * instead of committing one of its own. Inside ErrorMapping (which is at PLATFORM_BEFORE), so
 * its failures are mapped as any resolver's are. Requests without a key pass straight through.
 */
@GraphQLBoundary
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 1)
public class KeyedResolvers {

    @AroundInvoke
    Object inKeyedTransaction(InvocationContext context) throws Exception {
        KeyedTransaction keyed = KeyedTransaction.current();
        return keyed == null ? context.proceed() : keyed.within(context::proceed);
    }
}
