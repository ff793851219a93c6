package awsfake

import (
	"fmt"
	"hash/crc32"
	"net/http"
	"strconv"
	"strings"
)

const requestID = "fake-request-id"

// writeList answers one page of a listing in the operation's protocol.
func writeList(w http.ResponseWriter, req *request, sp spec, items []string, next string) {
	var b strings.Builder
	wrap := func(items []string, elem string) {
		for _, it := range items {
			fmt.Fprintf(&b, "<%s>%s</%s>", elem, it, elem)
		}
	}
	switch req.proto {
	case "ec2":
		fmt.Fprintf(&b, `<%sResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>%s</requestId><%s>`, req.op, requestID, sp.list)
		wrap(items, sp.item)
		fmt.Fprintf(&b, "</%s>", sp.list)
		if next != "" {
			fmt.Fprintf(&b, "<%s>%s</%s>", sp.tokOut, next, sp.tokOut)
		}
		fmt.Fprintf(&b, "</%sResponse>", req.op)
		writeBody(w, "text/xml", b.String())
	case "query":
		fmt.Fprintf(&b, `<%sResponse xmlns="https://%s.amazonaws.com/doc/"><%sResult><%s>`, req.op, req.service, req.op, sp.list)
		wrap(items, sp.item)
		fmt.Fprintf(&b, "</%s>", sp.list)
		if next != "" {
			fmt.Fprintf(&b, "<%s>%s</%s>", sp.tokOut, next, sp.tokOut)
		}
		fmt.Fprintf(&b, "</%sResult><ResponseMetadata><RequestId>%s</RequestId></ResponseMetadata></%sResponse>", req.op, requestID, req.op)
		writeBody(w, "text/xml", b.String())
	case "json", "restjson":
		fmt.Fprintf(&b, `{%q:[%s]`, sp.list, strings.Join(items, ","))
		if next != "" {
			fmt.Fprintf(&b, `,%q:%q`, sp.tokOut, next)
		}
		if req.op == "ListStreams" {
			fmt.Fprintf(&b, `,"HasMoreStreams":%t,"StreamNames":[]`, next != "")
		}
		b.WriteString("}")
		writeBody(w, jsonType(req), b.String())
	case "s3":
		b.WriteString(`<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>owner</ID></Owner><Buckets>`)
		wrap(items, sp.item)
		b.WriteString("</Buckets>")
		if next != "" {
			fmt.Fprintf(&b, "<ContinuationToken>%s</ContinuationToken>", next)
		}
		b.WriteString("</ListAllMyBucketsResult>")
		writeBody(w, "application/xml", b.String())
	case "restxml":
		if req.service == "cloudfront" {
			fmt.Fprintf(&b, `<DistributionList xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Marker>%s</Marker>`, req.params[sp.tokIn])
			if next != "" {
				fmt.Fprintf(&b, "<NextMarker>%s</NextMarker>", next)
			}
			fmt.Fprintf(&b, "<MaxItems>100</MaxItems><IsTruncated>%t</IsTruncated><Quantity>%d</Quantity><Items>", next != "", len(items))
			wrap(items, sp.item)
			b.WriteString("</Items></DistributionList>")
			writeBody(w, "text/xml", b.String())
			return
		}
		fmt.Fprintf(&b, `<%sResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><%s>`, req.op, sp.list)
		wrap(items, sp.item)
		fmt.Fprintf(&b, "</%s><IsTruncated>%t</IsTruncated>", sp.list, next != "")
		if next != "" {
			fmt.Fprintf(&b, "<%s>%s</%s>", sp.tokOut, next, sp.tokOut)
			if req.op == "ListResourceRecordSets" {
				b.WriteString("<NextRecordType>A</NextRecordType>")
			}
		}
		fmt.Fprintf(&b, "<MaxItems>100</MaxItems></%sResponse>", req.op)
		writeBody(w, "text/xml", b.String())
	}
}

// writeRaw answers a single-item call with its stored body, wrapped in the
// query protocol's envelope where the protocol has one.
func writeRaw(w http.ResponseWriter, req *request, body string) {
	switch req.proto {
	case "query":
		writeBody(w, "text/xml", fmt.Sprintf(`<%sResponse xmlns="https://%s.amazonaws.com/doc/"><%sResult>%s</%sResult><ResponseMetadata><RequestId>%s</RequestId></ResponseMetadata></%sResponse>`,
			req.op, req.service, req.op, body, req.op, requestID, req.op))
	case "json", "restjson":
		writeBody(w, jsonType(req), body)
	default:
		writeBody(w, "application/xml", body)
	}
}

func jsonType(req *request) string {
	switch {
	case req.proto == "restjson":
		return "application/json"
	case req.service == "dynamodb" || req.service == "sqs":
		return "application/x-amz-json-1.0"
	}
	return "application/x-amz-json-1.1"
}

func writeBody(w http.ResponseWriter, contentType, body string) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("X-Amzn-Requestid", requestID)
	w.Header().Set("X-Amz-Request-Id", requestID)
	w.Header().Set("X-Amz-Crc32", strconv.FormatUint(uint64(crc32.ChecksumIEEE([]byte(body))), 10)) // DynamoDB checks it
	_, _ = w.Write([]byte(body))
}

// writeError answers an error in the protocol's own error shape.
func writeError(w http.ResponseWriter, req *request, status int, code, msg string) {
	switch req.proto {
	case "ec2":
		w.Header().Set("Content-Type", "text/xml")
		w.WriteHeader(status)
		fmt.Fprintf(w, `<Response><Errors><Error><Code>%s</Code><Message>%s</Message></Error></Errors><RequestID>%s</RequestID></Response>`, code, msg, requestID)
	case "query", "restxml":
		w.Header().Set("Content-Type", "text/xml")
		w.WriteHeader(status)
		fmt.Fprintf(w, `<ErrorResponse><Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error><RequestId>%s</RequestId></ErrorResponse>`, code, msg, requestID)
	case "s3":
		w.Header().Set("Content-Type", "application/xml")
		w.WriteHeader(status)
		fmt.Fprintf(w, `<Error><Code>%s</Code><Message>%s</Message><RequestId>%s</RequestId></Error>`, code, msg, requestID)
	default:
		w.Header().Set("Content-Type", jsonType(req))
		w.Header().Set("X-Amzn-Errortype", code)
		w.WriteHeader(status)
		fmt.Fprintf(w, `{"__type":%q,"message":%q}`, code, msg)
	}
}

func throttleCode(req *request) string {
	switch req.proto {
	case "ec2":
		return "RequestLimitExceeded"
	case "query", "restxml":
		return "Throttling"
	case "s3":
		return "SlowDown"
	case "restjson":
		return "TooManyRequestsException"
	}
	return "ThrottlingException"
}

func denyCode(req *request) string {
	switch req.proto {
	case "ec2":
		return "UnauthorizedOperation"
	case "query", "s3", "restxml":
		return "AccessDenied"
	}
	return "AccessDeniedException"
}
