#!/bin/sh
# coding: foobar