package io.parley.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a GraphQL API class: where client calls enter. {@link ErrorMapping} turns its failures
 * into contract errors, {@link ReadAccess} enforces the read rule and {@link SessionTurns} keeps
 * one request's resolvers off its database session at the same time; writes carry their roles
 * in {@code @RolesAllowed}.
 */
@InterceptorBinding
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface GraphQLBoundary {
}
