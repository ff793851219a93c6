package aws

// steps lists every step of the collector, explicitly (no init registration).
// Region steps run once per account and region, global ones once per account.
func steps() []step {
	var out []step
	for _, f := range []func() []step{
		ec2Steps, elbSteps, autoscalingSteps, rdsSteps, dynamodbSteps, elasticacheSteps,
		lambdaSteps, ecsSteps, eksSteps, messagingSteps, efsSteps, apigatewaySteps,
		s3Steps, route53Steps, cloudfrontSteps, taggingSteps,
	} {
		out = append(out, f()...)
	}
	return out
}
