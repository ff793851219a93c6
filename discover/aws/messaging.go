package aws

import (
	"context"
	"net/url"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/kinesis"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/untether-dev/untether/discover"
)

func messagingSteps() []step {
	return []step{
		{service: "sqs", name: "queues", run: sqsQueues},
		{service: "sns", name: "topics", run: snsTopics},
		{service: "sns", name: "subscriptions", run: snsSubscriptions},
		{service: "kinesis", name: "streams", run: kinesisStreams},
	}
}

// sqsQueues: a queue needs its region's SQS service. Its ARN follows from
// its URL (https://HOST/ACCOUNT/NAME), which saves a call per queue.
func sqsQueues(ctx context.Context, t *task) error {
	p := sqs.NewListQueuesPaginator(sqs.NewFromConfig(t.cfg), &sqs.ListQueuesInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		for _, q := range page.QueueUrls {
			u, err := url.Parse(q)
			if err != nil {
				continue
			}
			parts := strings.Split(strings.Trim(u.Path, "/"), "/")
			if len(parts) < 2 {
				continue
			}
			account, name := parts[len(parts)-2], parts[len(parts)-1]
			id := arn("sqs", t.region, account, name)
			t.sink.node(nodeOf(id, "queue", "AWS::SQS::Queue", name, nil, "sqs:ListQueues",
				map[string]any{"fifo": strings.HasSuffix(name, ".fifo")}))
			t.sink.regional(id, "sqs", "sqs:ListQueues: a regional, zone-redundant service")
		}
	}
	return nil
}

func snsTopics(ctx context.Context, t *task) error {
	p := sns.NewListTopicsPaginator(sns.NewFromConfig(t.cfg), &sns.ListTopicsInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		for _, tp := range page.Topics {
			id := s(tp.TopicArn)
			name := id[strings.LastIndex(id, ":")+1:]
			t.sink.node(nodeOf(id, "topic", "AWS::SNS::Topic", name, nil, "sns:ListTopics", nil))
			t.sink.regional(id, "sns", "sns:ListTopics: a regional, zone-redundant service")
		}
	}
	return nil
}

// snsSubscriptions: a queue or function subscribed to a topic is fed by it.
// Endpoints that are not ARNs (e-mail addresses, URLs) are not stored.
func snsSubscriptions(ctx context.Context, t *task) error {
	p := sns.NewListSubscriptionsPaginator(sns.NewFromConfig(t.cfg), &sns.ListSubscriptionsInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		for _, sub := range page.Subscriptions {
			switch s(sub.Protocol) {
			case "sqs", "lambda", "firehose":
				t.sink.edge(s(sub.Endpoint), s(sub.TopicArn), "sns:ListSubscriptions Protocol="+s(sub.Protocol))
			}
		}
	}
	return nil
}

func kinesisStreams(ctx context.Context, t *task) error {
	p := kinesis.NewListStreamsPaginator(kinesis.NewFromConfig(t.cfg), &kinesis.ListStreamsInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		for _, st := range page.StreamSummaries {
			id := s(st.StreamARN)
			if id == "" {
				id = arn("kinesis", t.region, t.account, "stream/"+s(st.StreamName))
			}
			mode := ""
			if st.StreamModeDetails != nil {
				mode = string(st.StreamModeDetails.StreamMode)
			}
			t.sink.node(nodeOf(id, "stream", "AWS::Kinesis::Stream", s(st.StreamName), nil, "kinesis:ListStreams",
				map[string]any{"mode": mode, "status": string(st.StreamStatus)}))
			t.sink.regional(id, "kinesis", "kinesis:ListStreams: a regional, zone-redundant service")
		}
	}
	return nil
}
