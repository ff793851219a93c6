package graph

import (
	"syscall"
	"unsafe"
)

// hugePages asks the kernel to back the whole 2 MB pages of a large, new
// slice with huge pages (MADV_HUGEPAGE; a hint, honoured where transparent
// huge pages are "madvise" or "always"). A million nodes fill 350 MB: in
// 4 KB pages that is 90,000 page faults, each costing microseconds of
// kernel time as the reader first writes them.
func hugePages[T any](s []T) {
	if len(s) == 0 {
		return
	}
	const huge = 2 << 20
	size := uintptr(len(s)) * unsafe.Sizeof(s[0])
	start := uintptr(unsafe.Pointer(&s[0]))
	first, end := (start+huge-1)&^(huge-1), (start+size)&^(huge-1)
	if end <= first {
		return
	}
	const madvHugepage = 0xe // MADV_HUGEPAGE on every Linux architecture
	syscall.Syscall(syscall.SYS_MADVISE, first, end-first, madvHugepage)
}
