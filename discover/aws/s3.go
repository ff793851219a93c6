package aws

import (
	"context"
	"errors"

	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go"

	"github.com/untether-dev/untether/discover"
)

func s3Steps() []step {
	return []step{{service: "s3", name: "buckets", global: true, run: s3Buckets}}
}

// s3Options uses path-style addressing when the endpoint is overridden:
// emulators and private endpoints do not serve bucket subdomains.
func (t *task) s3Options(o *s3.Options) {
	o.UsePathStyle = o.BaseEndpoint != nil
}

// s3Buckets: a bucket needs its region's S3 service. Replication rules are
// recorded as attributes: a replica is a copy, not a failover target the
// readers switch to by themselves.
func s3Buckets(ctx context.Context, t *task) error {
	c := s3.NewFromConfig(t.cfg, t.s3Options)
	p := s3.NewListBucketsPaginator(c, &s3.ListBucketsInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		found := make([]bucket, len(page.Buckets))
		fanOut(len(found), fanOutWidth, func(i int) { found[i] = s3Bucket(ctx, t, c, s(page.Buckets[i].Name), s(page.Buckets[i].BucketRegion)) })
		for _, b := range found {
			for _, err := range b.errs {
				t.soft(err)
			}
			if b.region == "" {
				continue
			}
			name, region := b.name, b.region
			id := "arn:" + partition(region) + ":s3:::" + name
			attrs := map[string]any{}
			if len(b.replicatesTo) > 0 {
				attrs["replicates_to"] = b.replicatesTo
			}
			n := nodeOf(id, "bucket", "AWS::S3::Bucket", name, nil, "s3:ListBuckets BucketRegion="+region, attrs)
			n.Region = region
			t.sink.node(n)
			t.sink.regionalIn(id, region, "s3", "s3:ListBuckets BucketRegion: a regional, zone-redundant service")
		}
	}
	return nil
}

type bucket struct {
	name, region string
	replicatesTo []string
	errs         []error
}

// s3Bucket finds a bucket's region (when ListBuckets did not say) and its
// replication rules, with a client of the bucket's own region.
func s3Bucket(ctx context.Context, t *task, c *s3.Client, name, region string) bucket {
	b := bucket{name: name, region: region}
	if b.region == "" {
		loc, err := c.GetBucketLocation(ctx, &s3.GetBucketLocationInput{Bucket: &name})
		if err != nil {
			b.errs = append(b.errs, err)
			return b
		}
		b.region = string(loc.LocationConstraint)
		if b.region == "" {
			b.region = "us-east-1" // the API's name for us-east-1
		}
	}
	rc := s3.NewFromConfig(forRegion(t.cfg, b.region), t.s3Options)
	rep, err := rc.GetBucketReplication(ctx, &s3.GetBucketReplicationInput{Bucket: &name})
	var ae smithy.APIError
	switch {
	case err == nil && rep.ReplicationConfiguration != nil:
		for _, rule := range rep.ReplicationConfiguration.Rules {
			if rule.Status == "Enabled" && rule.Destination != nil {
				b.replicatesTo = append(b.replicatesTo, s(rule.Destination.Bucket))
			}
		}
	case err != nil && errors.As(err, &ae) && ae.ErrorCode() == "ReplicationConfigurationNotFoundError":
	case err != nil:
		b.errs = append(b.errs, err)
	}
	return b
}
