package graph

import "bytes"

// DecodeReference reads data with the reference decoder alone.
func DecodeReference(data []byte, name string) (*Estate, error) {
	return decodeStream(bytes.NewBuffer(data), bytes.NewReader(data), name)
}

// ReadAllInParallel makes every file, however small, go to the parallel
// reader first, in blocks shorter than some lines, until the returned
// function is called.
func ReadAllInParallel() (restore func()) {
	oldMin, oldSize := parallelMin, blockSize
	parallelMin, blockSize = 0, 700
	return func() { parallelMin, blockSize = oldMin, oldSize }
}

// DecodedInParallel reports whether data is read by the parallel reader
// (laid out as Encode writes it, and without problems).
func DecodedInParallel(data []byte) bool {
	_, _, _, ok := decodeParallel(bytes.NewReader(data), int64(len(data)))
	return ok
}

// CountLines counts the node and edge lines of data in small blocks.
func CountLines(data []byte) (nodes, edges int, err error) {
	defer ReadAllInParallel()()
	return countLines(bytes.NewReader(data), int64(len(data)))
}
