package io.parley.limits;

import jakarta.enterprise.context.control.ActivateRequestContext;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.parley.common.GraphQLBoundary;
import io.parley.graphql.ResponseExtensions;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.api.Context;
import io.vertx.ext.web.RoutingContext;

import graphql.schema.DataFetchingEnvironment;

@GraphQLApi
@GraphQLBoundary
@ActivateRequestContext
public class RateLimitGraphQL {

    private final Context context;
    private final CurrentVertxRequest request;

    public RateLimitGraphQL(Context context, CurrentVertxRequest request) {
        this.context = context;
        this.request = request;
    }

    @Query
    @NonNull
    @Description("The cost of this query and what remains of the caller's rate-limit budget, like GitHub's rateLimit.")
    public RateLimit rateLimit() {
        Long cost = context.unwrap(DataFetchingEnvironment.class).getGraphQlContext().get(ResponseExtensions.COST);
        RoutingContext http = request.getCurrent();
        return new RateLimit(cost == null ? 0 : cost, http == null ? null : http.get(RateLimitCharges.BUDGET));
    }
}
