package awsfake

import "fmt"

func globalFixture(d *Data, acct string, regions []string) {
	if len(regions) == 0 {
		return
	}
	home, away := regions[0], regions[0]
	if len(regions) > 1 {
		away = regions[1]
	}
	assets, replica, logs := "assets-"+acct, "assets-replica-"+acct, "logs-"+acct
	for _, b := range []struct{ name, region string }{{assets, home}, {replica, away}, {logs, home}} {
		d.Add("ListBuckets", fmt.Sprintf("<Name>%s</Name><CreationDate>2024-01-01T00:00:00.000Z</CreationDate><BucketRegion>%s</BucketRegion>", b.name, b.region))
	}
	d.Raw["GetBucketReplication|"+assets] = fmt.Sprintf(`<ReplicationConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Role>arn:aws:iam::%s:role/replication</Role>`+
		`<Rule><ID>all</ID><Status>Enabled</Status><Priority>1</Priority><Destination><Bucket>arn:aws:s3:::%s</Bucket></Destination></Rule></ReplicationConfiguration>`, acct, replica)

	lbDNS := "web-123." + home + ".elb.amazonaws.com"
	cdnDNS := "d111111abcdef8.cloudfront.net"
	d.Add("ListHostedZones", `<Id>/hostedzone/Z1EXAMPLE</Id><Name>example.com.</Name><CallerReference>ref-1</CallerReference><Config><PrivateZone>false</PrivateZone></Config><ResourceRecordSetCount>6</ResourceRecordSetCount>`)
	d.Add("ListResourceRecordSets|Z1EXAMPLE",
		`<Name>example.com.</Name><Type>NS</Type><TTL>172800</TTL><ResourceRecords><ResourceRecord><Value>ns-1.awsdns-01.org.</Value></ResourceRecord></ResourceRecords>`,
		fmt.Sprintf(`<Name>www.example.com.</Name><Type>A</Type><AliasTarget><HostedZoneId>Z35SXDOTRQ7X7K</HostedZoneId><DNSName>dualstack.%s.</DNSName><EvaluateTargetHealth>false</EvaluateTargetHealth></AliasTarget>`, lbDNS),
		fmt.Sprintf(`<Name>api.example.com.</Name><Type>A</Type><SetIdentifier>primary</SetIdentifier><Failover>PRIMARY</Failover><HealthCheckId>hc-1</HealthCheckId>`+
			`<AliasTarget><HostedZoneId>Z35SXDOTRQ7X7K</HostedZoneId><DNSName>%s.</DNSName><EvaluateTargetHealth>true</EvaluateTargetHealth></AliasTarget>`, lbDNS),
		fmt.Sprintf(`<Name>api.example.com.</Name><Type>A</Type><SetIdentifier>secondary</SetIdentifier><Failover>SECONDARY</Failover>`+
			`<AliasTarget><HostedZoneId>Z2FDTNDATAQYW2</HostedZoneId><DNSName>%s.</DNSName><EvaluateTargetHealth>true</EvaluateTargetHealth></AliasTarget>`, cdnDNS),
		fmt.Sprintf(`<Name>static.example.com.</Name><Type>CNAME</Type><TTL>300</TTL><ResourceRecords><ResourceRecord><Value>%s</Value></ResourceRecord></ResourceRecords>`, cdnDNS),
		`<Name>shop.example.com.</Name><Type>A</Type><SetIdentifier>blue</SetIdentifier><Weight>50</Weight><TTL>60</TTL><ResourceRecords><ResourceRecord><Value>192.0.2.10</Value></ResourceRecord></ResourceRecords>`,
		`<Name>shop.example.com.</Name><Type>A</Type><SetIdentifier>green</SetIdentifier><Weight>50</Weight><TTL>60</TTL><ResourceRecords><ResourceRecord><Value>192.0.2.20</Value></ResourceRecord></ResourceRecords>`)
	d.Add("ListHealthChecks", fmt.Sprintf(`<Id>hc-1</Id><CallerReference>hc-ref</CallerReference><HealthCheckConfig><Type>HTTPS</Type><FullyQualifiedDomainName>%s</FullyQualifiedDomainName><Port>443</Port><ResourcePath>/health</ResourcePath></HealthCheckConfig><HealthCheckVersion>1</HealthCheckVersion>`, lbDNS))
	d.Add("ListDistributions", fmt.Sprintf(`<Id>E1EXAMPLE</Id><ARN>arn:aws:cloudfront::%s:distribution/E1EXAMPLE</ARN><Status>Deployed</Status><DomainName>%s</DomainName><Enabled>true</Enabled><PriceClass>PriceClass_All</PriceClass>`+
		`<Origins><Quantity>3</Quantity><Items>`+
		`<Origin><Id>assets</Id><DomainName>%s.s3.amazonaws.com</DomainName></Origin>`+
		`<Origin><Id>assets-replica</Id><DomainName>%s.s3.%s.amazonaws.com</DomainName></Origin>`+
		`<Origin><Id>web</Id><DomainName>%s</DomainName></Origin></Items></Origins>`+
		`<OriginGroups><Quantity>1</Quantity><Items><OriginGroup><Id>assets-failover</Id><FailoverCriteria><StatusCodes><Quantity>1</Quantity><Items><StatusCode>503</StatusCode></Items></StatusCodes></FailoverCriteria>`+
		`<Members><Quantity>2</Quantity><Items><OriginGroupMember><OriginId>assets</OriginId></OriginGroupMember><OriginGroupMember><OriginId>assets-replica</OriginId></OriginGroupMember></Items></Members></OriginGroup></Items></OriginGroups>`,
		acct, cdnDNS, assets, replica, away, lbDNS))
}
