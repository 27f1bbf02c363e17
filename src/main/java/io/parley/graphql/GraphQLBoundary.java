package io.parley.graphql;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a GraphQL API class: where client calls enter. {@link ErrorMapping} turns its failures
 * into contract errors and {@link ReadAccess} enforces the read rule; writes carry their
 * roles in {@code @RolesAllowed}.
 */
@InterceptorBinding
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface GraphQLBoundary {
}
