// Reading and a trial run of a user-supplied network, shared by the detector and the classifier.
#pragma once
#include <opencv2/core.hpp>
#include <opencv2/dnn.hpp>
#include <opencv2/core/utils/logger.hpp>
#include <stdexcept>
#include <string>

namespace rsn {

/// The ONNX network in `path`, set to run on OpenCV's own CPU backend; throws when nothing could be read.
inline cv::dnn::Net readNetwork(const char *path) {
    cv::dnn::Net net = cv::dnn::readNetFromONNX(path);
    if (net.empty()) throw std::runtime_error("OpenCV read no network from the file");
    net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
    net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
    return net;
}

/// Runs `body` (a forward pass on a blank input) with OpenCV's log silenced: a wrong input size makes OpenCV
/// log shape errors before it throws, and the exception says it all. An OpenCV error becomes "the input does
/// not fit"; the checks `body` makes itself pass through unchanged.
template <typename Body> auto probeNetwork(int inputSize, Body body) -> decltype(body()) {
    auto level = cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT);
    try {
        auto result = body();
        cv::utils::logging::setLogLevel(level);
        return result;
    } catch (const cv::Exception &e) {
        cv::utils::logging::setLogLevel(level);
        std::string what = e.what();
        size_t cut = what.find(" in function");
        throw std::runtime_error("input: a 1×3×" + std::to_string(inputSize) + "×" + std::to_string(inputSize) +
                                 " input does not fit the network (" + what.substr(0, cut) + ")");
    } catch (...) {
        cv::utils::logging::setLogLevel(level);
        throw;
    }
}

} // namespace rsn
