package aws

import (
	"context"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2"

	"github.com/untether-dev/untether/discover"
)

func apigatewaySteps() []step {
	return []step{
		{service: "apigateway", name: "rest-apis", run: apigatewayREST},
		{service: "apigateway", name: "http-apis", run: apigatewayHTTP},
	}
}

func apiARN(t *task, kind, id string) string {
	return "arn:" + partition(t.region) + ":apigateway:" + t.region + "::/" + kind + "/" + id
}

func executeAPIHost(t *task, id string) string {
	return id + ".execute-api." + t.region + ".amazonaws.com"
}

// apigatewayREST: a REST API needs its region's API Gateway service (an
// edge-optimised one is fronted by CloudFront but still served from here)
// and what its methods' integrations call.
func apigatewayREST(ctx context.Context, t *task) error {
	c := apigateway.NewFromConfig(t.cfg)
	p := apigateway.NewGetRestApisPaginator(c, &apigateway.GetRestApisInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		integrations := make([][]string, len(page.Items))
		errs := make([]error, len(page.Items))
		fanOut(len(integrations), fanOutWidth, func(i int) { integrations[i], errs[i] = restIntegrations(ctx, c, s(page.Items[i].Id)) })
		for i, api := range page.Items {
			id := apiARN(t, "restapis", s(api.Id))
			var types []string
			if api.EndpointConfiguration != nil {
				for _, e := range api.EndpointConfiguration.Types {
					types = append(types, string(e))
				}
			}
			t.sink.node(nodeOf(id, "api_gateway", "AWS::ApiGateway::RestApi", s(api.Name), safeTags(api.Tags),
				"apigateway:GetRestApis", map[string]any{"endpoint_types": strings.Join(types, ",")}))
			t.sink.dns(executeAPIHost(t, s(api.Id)), id)
			t.sink.regional(id, "apigateway", "apigateway:GetRestApis: a regional service")
			if errs[i] != nil {
				t.soft(errs[i])
			}
			for _, uri := range integrations[i] {
				integrationTarget(t, id, uri, "apigateway:GetResources methodIntegration.uri")
			}
		}
	}
	return nil
}

// restIntegrations lists the integration URIs of a REST API's methods: one
// paginated call, the methods embedded in each resource.
func restIntegrations(ctx context.Context, c *apigateway.Client, apiID string) ([]string, error) {
	var uris []string
	p := apigateway.NewGetResourcesPaginator(c, &apigateway.GetResourcesInput{RestApiId: &apiID, Embed: []string{"methods"}})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return uris, err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return uris, err
		}
		for _, res := range page.Items {
			for _, verb := range slices.Sorted(maps.Keys(res.ResourceMethods)) {
				if in := res.ResourceMethods[verb].MethodIntegration; in != nil && s(in.Uri) != "" {
					uris = append(uris, s(in.Uri))
				}
			}
		}
	}
	return uris, nil
}

// apigatewayHTTP: HTTP and WebSocket APIs and what their integrations call.
func apigatewayHTTP(ctx context.Context, t *task) error {
	c := apigatewayv2.NewFromConfig(t.cfg)
	var token *string
	pg := discover.NewPages(ctx)
	for {
		page, err := c.GetApis(ctx, &apigatewayv2.GetApisInput{NextToken: token})
		if err != nil {
			return err
		}
		if err := pg.Next(s(page.NextToken)); err != nil {
			return err
		}
		integrations := make([][]string, len(page.Items))
		errs := make([]error, len(page.Items))
		fanOut(len(integrations), fanOutWidth, func(i int) { integrations[i], errs[i] = apigatewayIntegrations(ctx, c, s(page.Items[i].ApiId)) })
		for i, api := range page.Items {
			id := apiARN(t, "apis", s(api.ApiId))
			t.sink.node(nodeOf(id, "api_gateway", "AWS::ApiGatewayV2::Api", s(api.Name), safeTags(api.Tags),
				"apigatewayv2:GetApis", map[string]any{"protocol": string(api.ProtocolType)}))
			if u, err := url.Parse(s(api.ApiEndpoint)); err == nil && u.Host != "" {
				t.sink.dns(u.Host, id)
			}
			t.sink.regional(id, "apigateway", "apigatewayv2:GetApis: a regional service")
			if errs[i] != nil {
				t.soft(errs[i])
			}
			for _, uri := range integrations[i] {
				integrationTarget(t, id, uri, "apigatewayv2:GetIntegrations IntegrationUri")
			}
		}
		if s(page.NextToken) == "" {
			return nil
		}
		token = page.NextToken
	}
}

var lambdaInURI = regexp.MustCompile(`arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+`)

// apigatewayIntegrations lists the integration URIs of an HTTP API.
func apigatewayIntegrations(ctx context.Context, c *apigatewayv2.Client, apiID string) ([]string, error) {
	var token *string
	var uris []string
	pg := discover.NewPages(ctx)
	for {
		page, err := c.GetIntegrations(ctx, &apigatewayv2.GetIntegrationsInput{ApiId: &apiID, NextToken: token})
		if err != nil {
			return uris, err
		}
		if err := pg.Next(s(page.NextToken)); err != nil {
			return uris, err
		}
		for _, in := range page.Items {
			uris = append(uris, s(in.IntegrationUri))
		}
		if s(page.NextToken) == "" {
			return uris, nil
		}
		token = page.NextToken
	}
}

// integrationTarget: an API needs the function, load balancer listener or
// HTTP endpoint its integration calls.
func integrationTarget(t *task, id, uri, ev string) {
	switch {
	case lambdaInURI.MatchString(uri):
		t.sink.edge(id, lambdaInURI.FindString(uri), ev)
	case strings.HasPrefix(uri, "arn:"):
		t.sink.edge(id, uri, ev)
	default:
		if u, err := url.Parse(uri); err == nil && u.Host != "" {
			t.sink.dnsEdge(id, u.Hostname(), ev)
		}
	}
}
