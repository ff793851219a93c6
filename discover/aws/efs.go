package aws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/efs"
	efstypes "github.com/aws/aws-sdk-go-v2/service/efs/types"

	"github.com/untether-dev/untether/discover"
)

func efsSteps() []step {
	return []step{{service: "efs", name: "file-systems", run: efsFileSystems}}
}

// efsFileSystems: a One Zone file system needs its zone; a regional one
// needs the regional EFS service.
func efsFileSystems(ctx context.Context, t *task) error {
	p := efs.NewDescribeFileSystemsPaginator(efs.NewFromConfig(t.cfg), &efs.DescribeFileSystemsInput{})
	pg := discover.NewPages(ctx)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		if err := pg.Next(nextToken(page)); err != nil {
			return err
		}
		for _, fs := range page.FileSystems {
			id := s(fs.FileSystemArn)
			if id == "" {
				id = arn("elasticfilesystem", t.region, t.account, "file-system/"+s(fs.FileSystemId))
			}
			tags := tagMap(fs.Tags, func(t efstypes.Tag) (string, string) { return s(t.Key), s(t.Value) })
			var size int64
			if fs.SizeInBytes != nil {
				size = fs.SizeInBytes.Value
			}
			t.sink.node(nodeOf(id, "file_system", "AWS::EFS::FileSystem", nameTag(tags, s(fs.FileSystemId)), tags,
				"efs:DescribeFileSystems", map[string]any{"stored_bytes": size, "one_zone": fs.AvailabilityZoneId != nil}))
			t.sink.regional(id, "efs", "efs:DescribeFileSystems: the regional EFS service")
			if z := s(fs.AvailabilityZoneId); z != "" {
				t.sink.place(id, 1, []string{zoneID(z)}, "efs:DescribeFileSystems AvailabilityZoneId (One Zone)")
			}
		}
	}
	return nil
}
